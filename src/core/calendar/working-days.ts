/**
 * Deadlines in working days of the Russian production calendar.
 *
 * Public holidays (Labour Code art. 112): 1–8 January, 23 February, 8 March, 1 and 9 May, 12 June,
 * 4 November. A holiday other than the January ones that falls on a weekend moves to the next
 * working day. The government's yearly transfers of days off (decrees) cannot be derived, so they
 * are data: `extraDaysOff` and `extraWorkingDays` (ISO dates), with the known years built in.
 * All dates are Moscow calendar dates (UTC+3, no DST since 2014).
 */

const FIXED_HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];
const MOSCOW_OFFSET_MS = 3 * 3600_000;

/** Transfers by government decree (days off moved from January weekends, bridges). */
export const KNOWN_TRANSFERS = {
  daysOff: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31', '2026-01-09', '2026-12-31'],
  workingDays: ['2025-11-01'],
};

export interface CalendarOptions {
  extraDaysOff?: readonly string[];
  extraWorkingDays?: readonly string[];
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Moscow calendar date (as a UTC midnight Date) of an instant. */
export function moscowDate(instant: Date): Date {
  const shifted = new Date(instant.getTime() + MOSCOW_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

function weekend(day: Date): boolean {
  return day.getUTCDay() === 0 || day.getUTCDay() === 6;
}

/** Holidays of a year with weekend holidays moved to the next working day. */
function holidays(year: number): Set<string> {
  const result = new Set<string>();
  for (const md of FIXED_HOLIDAYS) {
    const day = new Date(`${year}-${md}T00:00:00Z`);
    result.add(isoDay(day));
    if (weekend(day) && !md.startsWith('01-')) {
      const moved = new Date(day);
      do moved.setUTCDate(moved.getUTCDate() + 1);
      while (weekend(moved) || result.has(isoDay(moved)));
      result.add(isoDay(moved));
    }
  }
  return result;
}

export function isWorkingDay(day: Date, options: CalendarOptions = {}): boolean {
  const iso = isoDay(day);
  if ([...KNOWN_TRANSFERS.workingDays, ...(options.extraWorkingDays ?? [])].includes(iso)) return true;
  if ([...KNOWN_TRANSFERS.daysOff, ...(options.extraDaysOff ?? [])].includes(iso)) return false;
  return !weekend(day) && !holidays(day.getUTCFullYear()).has(iso);
}

/**
 * The end (23:59:59 Moscow time) of the `days`-th working day after the instant `from`.
 * A request written on a Friday evening with a 5-day deadline is due at the end of the next Friday.
 */
export function addWorkingDays(from: Date, days: number, options: CalendarOptions = {}): Date {
  const day = moscowDate(from);
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (isWorkingDay(day, options)) left--;
  }
  return new Date(day.getTime() + 86_400_000 - 1000 - MOSCOW_OFFSET_MS);
}
