import { isWorkingDay, moscowDate } from '../../../src/core/calendar/working-days.js';
import type { ChatHours } from './wire.js';

/** One line of the operators' schedule: ISO weekdays (1 = Monday … 7 = Sunday), 'HH:MM'–'HH:MM' Moscow time. */
export interface HoursRule {
  days: number[];
  from: string;
  to: string;
}

/** The seeds' hours (DOMAIN.md "Chat"): weekdays 08:00–20:00, Saturday 09:00–17:00, Moscow time. */
export const SEED_HOURS: HoursRule[] = [
  { days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00' },
  { days: [6], from: '09:00', to: '17:00' },
];

const MOSCOW_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;
const DAY_NAMES = {
  ru: ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * Whether a weekend date is a public holiday (1–8 January, 23 February, …): the calendar knows
 * holidays by date, so the same date in the years where it falls mid-week tells.
 */
function weekendHoliday(day: Date): boolean {
  let seen = 0;
  for (let year = day.getUTCFullYear() - 6; year <= day.getUTCFullYear() + 6; year++) {
    const same = new Date(Date.UTC(year, day.getUTCMonth(), day.getUTCDate()));
    const weekday = same.getUTCDay();
    if (same.getUTCDate() !== day.getUTCDate() || weekday < 2 || weekday > 4) continue;
    // A working Tuesday–Thursday on that date: no holiday (a one-year transfer does not make one).
    if (isWorkingDay(same)) return false;
    seen++;
  }
  return seen > 0;
}

/**
 * Which schedule day a Moscow calendar date counts as: a public holiday counts as a Sunday, a
 * working Saturday (a decree's transfer) as a Monday; other days as themselves.
 */
function scheduleDay(day: Date): number {
  const weekday = day.getUTCDay() || 7;
  const working = isWorkingDay(day);
  if (working && weekday >= 6) return 1;
  if (!working && (weekday <= 5 || weekendHoliday(day))) return 7;
  return weekday;
}

/** The open intervals (UTC ms) of one Moscow calendar date. */
function intervals(rules: HoursRule[], day: Date): [number, number][] {
  const which = scheduleDay(day);
  const midnight = day.getTime() - MOSCOW_OFFSET_MS;
  return rules.filter((r) => r.days.includes(which)).map((r) => [midnight + minutes(r.from) * 60_000, midnight + minutes(r.to) * 60_000]);
}

/** «будни 08:00–20:00, сб 09:00–17:00 (время московское)» */
function describe(rules: HoursRule[], lang: 'ru' | 'en'): string {
  const names = DAY_NAMES[lang];
  const days = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    if (sorted.join() === '1,2,3,4,5') return lang === 'ru' ? 'будни' : 'weekdays';
    const contiguous = sorted.length > 2 && sorted.at(-1)! - sorted[0]! === sorted.length - 1;
    return contiguous ? `${names[sorted[0]!]}–${names[sorted.at(-1)!]}` : sorted.map((d) => names[d]).join(', ');
  };
  const parts = rules.map((r) => `${days(r.days)} ${r.from}–${r.to}`);
  if (!parts.length) return lang === 'ru' ? 'операторы сейчас не назначены' : 'no operator hours are set';
  return `${parts.join(', ')} ${lang === 'ru' ? '(время московское)' : '(Moscow time)'}`;
}

/**
 * The operators' hours at `now`: whether they work, the next opening or closing, the schedule
 * in words. `override` (a test hook) forces open or closed whatever the clock says.
 */
export function chatHours(rules: HoursRule[], now: Date, lang: 'ru' | 'en', override: boolean | null = null): ChatHours {
  const base: ChatHours = { open: false, timeZone: 'Europe/Moscow', schedule: rules.map((r) => ({ days: [...r.days], from: r.from, to: r.to })), text: describe(rules, lang) };
  if (override !== null) return { ...base, open: override };
  const t = now.getTime();
  const today = moscowDate(now);
  // Two weeks ahead is enough for any weekly schedule, holidays in a row included (New Year's).
  for (let offset = 0; offset < 15; offset++) {
    const day = new Date(today.getTime() + offset * DAY_MS);
    for (const [from, to] of intervals(rules, day).sort((a, b) => a[0] - b[0])) {
      if (t >= from && t < to) return { ...base, open: true, closesAt: new Date(to).toISOString() };
      if (from > t) return { ...base, opensAt: new Date(from).toISOString() };
    }
  }
  return base;
}
