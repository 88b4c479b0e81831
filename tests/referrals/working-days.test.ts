import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../src/modules/referrals/working-days.js';

// 2026-01-15 is a Thursday.
const at = (iso: string) => new Date(iso);

describe('workingDaysBetween (Monday to Friday, by UTC date)', () => {
  it('counts the working days after the start date, up to and including the end date', () => {
    const thursday = at('2026-01-15T16:45:00Z');
    expect(workingDaysBetween(thursday, at('2026-01-15T23:59:00Z'))).toBe(0);
    expect(workingDaysBetween(thursday, at('2026-01-16T08:00:00Z'))).toBe(1); // Friday
    expect(workingDaysBetween(thursday, at('2026-01-17T12:00:00Z'))).toBe(1); // Saturday
    expect(workingDaysBetween(thursday, at('2026-01-18T12:00:00Z'))).toBe(1); // Sunday
    expect(workingDaysBetween(thursday, at('2026-01-19T00:00:00Z'))).toBe(2); // Monday
    expect(workingDaysBetween(thursday, at('2026-01-21T12:00:00Z'))).toBe(4); // Wednesday
    expect(workingDaysBetween(thursday, at('2026-01-22T07:00:00Z'))).toBe(5); // next Thursday
    expect(workingDaysBetween(thursday, at('2026-01-23T07:00:00Z'))).toBe(6);
  });

  it('ignores the time of day: late on one day to early the next is one day', () => {
    expect(workingDaysBetween(at('2026-01-19T23:59:59Z'), at('2026-01-20T00:00:01Z'))).toBe(1);
    expect(workingDaysBetween(at('2026-01-19T00:00:00Z'), at('2026-01-19T23:59:59Z'))).toBe(0);
  });

  it('starts counting on Monday for a referral made at the weekend', () => {
    const saturday = at('2026-01-17T10:00:00Z');
    expect(workingDaysBetween(saturday, at('2026-01-18T10:00:00Z'))).toBe(0);
    expect(workingDaysBetween(saturday, at('2026-01-19T10:00:00Z'))).toBe(1);
    expect(workingDaysBetween(saturday, at('2026-01-23T10:00:00Z'))).toBe(5);
    expect(workingDaysBetween(saturday, at('2026-01-24T10:00:00Z'))).toBe(5);
  });

  it('is zero when the end is before the start', () => {
    expect(workingDaysBetween(at('2026-01-22T10:00:00Z'), at('2026-01-15T10:00:00Z'))).toBe(0);
  });

  it('agrees with counting day by day over long spans, across months and a leap day', () => {
    const naive = (from: Date, to: Date) => {
      let n = 0;
      const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
      const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
      for (d.setUTCDate(d.getUTCDate() + 1); d.getTime() <= end; d.setUTCDate(d.getUTCDate() + 1)) {
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
      }
      return n;
    };
    const start = at('2027-12-29T13:00:00Z');
    for (let offset = 0; offset < 800; offset += 7 + (offset % 5)) {
      const end = new Date(start.getTime() + offset * 86_400_000 + 3_600_000);
      expect(workingDaysBetween(start, end), `+${offset} days`).toBe(naive(start, end));
    }
    expect(workingDaysBetween(at('2028-02-25T09:00:00Z'), at('2028-03-03T09:00:00Z'))).toBe(5); // Fri → Fri over 29 Feb
  });

  it('takes another weekend where a municipality works Sunday to Thursday', () => {
    const fridaySaturday = new Set([5, 6]);
    // Thursday → next Thursday: Sun, Mon, Tue, Wed, Thu.
    expect(workingDaysBetween(at('2026-01-15T10:00:00Z'), at('2026-01-22T10:00:00Z'), fridaySaturday)).toBe(5);
    expect(workingDaysBetween(at('2026-01-15T10:00:00Z'), at('2026-01-17T10:00:00Z'), fridaySaturday)).toBe(0);
    expect(workingDaysBetween(at('2026-01-15T10:00:00Z'), at('2026-01-18T10:00:00Z'), fridaySaturday)).toBe(1);
  });
});
