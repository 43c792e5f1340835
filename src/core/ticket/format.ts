import { defaultTopics } from '../topics.js';

/** A date (and time) on Moscow time, as the support service counts its deadlines. */
export function moscowTime(iso: string, lang: string, withTime = true): string {
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'Europe/Moscow',
  }).format(new Date(iso));
}

/** Only the time of day on Moscow time (a «try again after 18:45»). */
export function moscowClock(at: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(new Date(at));
}

/** How long ago, in the largest whole unit (minutes, hours, days), in words. */
export function age(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const format = new Intl.NumberFormat(lang, { style: 'unit', unitDisplay: 'long', unit: minutes < 60 ? 'minute' : minutes < 2880 ? 'hour' : 'day' });
  return format.format(minutes < 60 ? minutes : minutes < 2880 ? Math.round(minutes / 60) : Math.round(minutes / 1440));
}

/** A topic's title for its id (the default categories); another backend's id is shown as it is. */
export function topicTitle(id: string, lang: string): string {
  return defaultTopics(lang).find((t) => t.id === id)?.title ?? id;
}
