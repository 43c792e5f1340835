import { expect } from '@open-wc/testing';
import { addWorkingDays, isWorkingDay } from '../../src/core/calendar/working-days.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('working days', () => {
  it('skips weekends', () => {
    // Friday 2026-11-20 10:00 Moscow + 5 working days → Friday 2026-11-27, end of day Moscow.
    expect(addWorkingDays(new Date('2026-11-20T07:00:00Z'), 5).toISOString()).to.equal('2026-11-27T20:59:59.000Z');
  });
  it('skips public holidays and moves a weekend holiday to Monday', () => {
    expect(isWorkingDay(day('2026-11-04'))).to.equal(false);
    expect(isWorkingDay(day('2026-01-05'))).to.equal(false);
    expect(isWorkingDay(day('2026-03-09'))).to.equal(false); // 8 March 2026 is a Sunday
    expect(isWorkingDay(day('2026-05-11'))).to.equal(false); // 9 May 2026 is a Saturday
    expect(isWorkingDay(day('2026-11-05'))).to.equal(true);
  });
  it('counts across the November holiday', () => {
    // Tuesday 2026-11-03 + 2 working days: 4th is a holiday → 5th, 6th.
    expect(addWorkingDays(new Date('2026-11-03T09:00:00Z'), 2).toISOString().slice(0, 10)).to.equal('2026-11-06');
  });
  it('takes configured transfers', () => {
    expect(isWorkingDay(day('2026-11-21'), { extraWorkingDays: ['2026-11-21'] })).to.equal(true);
    expect(isWorkingDay(day('2026-11-23'), { extraDaysOff: ['2026-11-23'] })).to.equal(false);
  });
});
