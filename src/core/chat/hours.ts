import { dateTimeFormat } from '../i18n/formats.js';

/** Operators' working hours in Moscow time: per ISO weekday (1 = Monday … 7 = Sunday) `[from, to)` in minutes, or none. */
export type WorkingHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly [from: number, to: number]>>;

/** The seeds' hours (DOMAIN.md): weekdays 08:00–20:00, Saturday 09:00–17:00, Moscow time. */
export const DEFAULT_HOURS: WorkingHours = { 1: [480, 1200], 2: [480, 1200], 3: [480, 1200], 4: [480, 1200], 5: [480, 1200], 6: [540, 1020] };

/** Moscow is UTC+3 all year (no daylight saving since 2014). */
const MOSCOW_OFFSET_MIN = 180;

/** Whether operators work at `now`. */
export function operatorsOnline(now: Date, hours: WorkingHours = DEFAULT_HOURS): boolean {
  const moscow = new Date(now.getTime() + MOSCOW_OFFSET_MIN * 60_000);
  const day = (moscow.getUTCDay() || 7) as keyof WorkingHours;
  const minute = moscow.getUTCHours() * 60 + moscow.getUTCMinutes();
  const range = hours[day];
  return Boolean(range && minute >= range[0] && minute < range[1]);
}

/**
 * Parses `hours` as written in an attribute: `1-5 08:00-20:00; 6 09:00-17:00` (ISO weekdays,
 * Moscow time). Returns undefined for anything it does not understand.
 */
export function parseHours(text: string): WorkingHours | undefined {
  const hours: WorkingHours = {};
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([1-7])(?:-([1-7]))?\s+(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return undefined;
    const [, a, b, h1, m1, h2, m2] = match;
    const range = [Number(h1) * 60 + Number(m1), Number(h2) * 60 + Number(m2)] as const;
    if (range[0] >= range[1] || range[1] > 1440) return undefined;
    for (let d = Number(a); d <= Number(b ?? a); d++) hours[d as keyof WorkingHours] = range;
  }
  return Object.keys(hours).length ? hours : undefined;
}

/** The hours as a line for people: `пн–пт 08:00–20:00, сб 09:00–17:00`, weekday names in `lang`. */
export function describeHours(hours: WorkingHours, lang: string): string {
  const dayName = (d: number) => dateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const groups: { from: number; to: number; range: readonly [number, number] }[] = [];
  for (let d = 1; d <= 7; d++) {
    const range = hours[d as keyof WorkingHours];
    if (!range) continue;
    const last = groups[groups.length - 1];
    if (last && last.to === d - 1 && last.range[0] === range[0] && last.range[1] === range[1]) last.to = d;
    else groups.push({ from: d, to: d, range });
  }
  return groups.map((g) => `${dayName(g.from)}${g.to > g.from ? `–${dayName(g.to)}` : ''} ${hhmm(g.range[0])}–${hhmm(g.range[1])}`).join(', ');
}
