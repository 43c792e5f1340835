import { dateTimeFormat, numberFormat, relativeTimeFormat } from '../i18n/formats.js';

/** A date (and time) on Moscow time, as the support service counts its deadlines. */
export function moscowTime(iso: string, lang: string, withTime = true): string {
  const time = withTime ? ({ hour: '2-digit', minute: '2-digit' } as const) : {};
  return dateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', ...time, timeZone: 'Europe/Moscow' }).format(new Date(iso));
}

/** Only the time of day on Moscow time (a «try again after 18:45»). */
export function moscowClock(at: number, lang: string): string {
  return dateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(new Date(at));
}

/** How long ago, in the largest whole unit (minutes, hours, days), in words: «2 часа назад». */
export function age(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const format = relativeTimeFormat(lang, { numeric: 'always' });
  return minutes < 60 ? format.format(-minutes, 'minute') : minutes < 2880 ? format.format(-Math.round(minutes / 60), 'hour') : format.format(-Math.round(minutes / 1440), 'day');
}

/** A file's size in kilobytes or megabytes, in words of the language. */
export function fileSize(bytes: number, lang: string): string {
  const mb = bytes >= 1024 * 1024;
  return numberFormat(lang, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: mb ? 1 : 0 }).format(mb ? bytes / 1048576 : Math.max(1, Math.round(bytes / 1024)));
}
