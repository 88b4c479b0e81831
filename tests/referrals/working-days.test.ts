import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, type WorkCalendar, workingDaysBetween } from '../../src/modules/referrals/working-days.js';

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

/** A Jordanian municipality: Friday and Saturday off, in Amman (UTC+3 all year since 2022). */
const amman = (holidays: string[] = []): WorkCalendar => ({
  timeZone: 'Asia/Amman',
  weekend: new Set([5, 6]),
  holidays: new Set(holidays),
});
/** A Tunisian one: Saturday and Sunday off, in Tunis (UTC+1). */
const tunis = (holidays: string[] = []): WorkCalendar => ({
  timeZone: 'Africa/Tunis',
  weekend: new Set([6, 0]),
  holidays: new Set(holidays),
});

describe("working days by the municipality's calendar (zone, weekend, public holidays)", () => {
  it('Friday–Saturday weekend: Thursday to the next Thursday is Sun–Thu, 5 days; the weekend adds none', () => {
    const thursday = at('2026-01-15T10:00:00Z');
    expect(workingDaysBetween(thursday, at('2026-01-16T10:00:00Z'), amman())).toBe(0); // Friday
    expect(workingDaysBetween(thursday, at('2026-01-17T10:00:00Z'), amman())).toBe(0); // Saturday
    expect(workingDaysBetween(thursday, at('2026-01-18T10:00:00Z'), amman())).toBe(1); // Sunday: a working day there
    expect(workingDaysBetween(thursday, at('2026-01-22T10:00:00Z'), amman())).toBe(5);
    // The same span in Tunis: Friday and Monday–Thursday.
    expect(workingDaysBetween(thursday, at('2026-01-22T10:00:00Z'), tunis())).toBe(5);
    expect(workingDaysBetween(thursday, at('2026-01-18T10:00:00Z'), tunis())).toBe(1); // Friday only
  });

  it('a holiday on a working day is not counted; one on the weekend changes nothing', () => {
    const thursday = at('2026-01-15T10:00:00Z');
    const nextThursday = at('2026-01-22T10:00:00Z');
    expect(workingDaysBetween(thursday, nextThursday, amman(['2026-01-19']))).toBe(4); // a Monday off
    expect(workingDaysBetween(thursday, nextThursday, amman(['2026-01-16', '2026-01-17']))).toBe(5); // Fri, Sat: weekend anyway
    expect(workingDaysBetween(thursday, nextThursday, amman(['2026-01-15']))).toBe(5); // the start day is never counted
    expect(workingDaysBetween(thursday, nextThursday, amman(['2026-01-22']))).toBe(4); // the last day is
    expect(workingDaysBetween(thursday, nextThursday, amman(['2025-01-19', '2027-01-19']))).toBe(5); // other years
    // Eid al-Fitr 2026 (Fri 20 – Sun 22 March in Jordan): only the Sunday was a working day.
    const eid = amman(['2026-03-20', '2026-03-21', '2026-03-22']);
    expect(workingDaysBetween(at('2026-03-19T08:00:00Z'), at('2026-03-26T08:00:00Z'), eid)).toBe(4);
    expect(isWorkingDay('2026-03-22', eid)).toBe(false);
    expect(isWorkingDay('2026-03-23', eid)).toBe(true);
    expect(isWorkingDay('2026-03-20', amman())).toBe(false);
  });

  it('counts by the local date: just after midnight in Amman the day has turned, in UTC not yet', () => {
    // Sunday 18 January, 00:30 in Amman = Saturday 21:30 UTC.
    const justAfterMidnight = at('2026-01-17T21:30:00Z');
    const thursday = at('2026-01-15T10:00:00Z');
    expect(workingDaysBetween(thursday, justAfterMidnight, amman())).toBe(1);
    expect(workingDaysBetween(thursday, justAfterMidnight, { ...amman(), timeZone: 'UTC' })).toBe(0);
    // Submitted at 23:30 on Wednesday in Amman (20:30 UTC): Wednesday there, so Thursday is its first day.
    expect(workingDaysBetween(at('2026-01-14T20:30:00Z'), at('2026-01-15T09:00:00Z'), amman())).toBe(1);
    // Submitted at 00:30 on Thursday in Amman (Wednesday 21:30 UTC): Thursday there, nothing yet.
    expect(workingDaysBetween(at('2026-01-14T21:30:00Z'), at('2026-01-15T09:00:00Z'), amman())).toBe(0);
  });

  it('agrees with counting day by day over two years of Friday–Saturday weekends and scattered holidays', () => {
    const holidays = ['2026-01-01', '2026-03-20', '2026-05-25', '2026-05-26', '2026-05-27', '2026-12-25', '2027-01-01', '2027-03-10'];
    const cal = amman(holidays);
    const naive = (from: Date, to: Date) => {
      const day = (d: Date) => new Date(d.getTime() + 3 * 3_600_000).toISOString().slice(0, 10); // Amman is UTC+3
      let n = 0;
      for (let t = Date.parse(`${day(from)}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${day(to)}T00:00:00Z`); t += 86_400_000) {
        const iso = new Date(t).toISOString().slice(0, 10);
        const wd = new Date(t).getUTCDay();
        if (wd !== 5 && wd !== 6 && !holidays.includes(iso)) n++;
      }
      return n;
    };
    const start = at('2025-12-28T22:15:00Z');
    for (let offset = 0; offset < 730; offset += 3 + (offset % 7)) {
      const end = new Date(start.getTime() + offset * 86_400_000 + 5 * 3_600_000);
      expect(workingDaysBetween(start, end, cal), `+${offset} days`).toBe(naive(start, end));
    }
  });
});

describe('addWorkingDays: the screening deadline', () => {
  it('five working days from a Thursday in Amman skip the Friday–Saturday weekend', () => {
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 5, amman()).toISOString().slice(0, 10)).toBe('2026-01-22');
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 5, tunis()).toISOString().slice(0, 10)).toBe('2026-01-22');
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 1, amman()).toISOString().slice(0, 10)).toBe('2026-01-18'); // Sunday
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 1, tunis()).toISOString().slice(0, 10)).toBe('2026-01-16'); // Friday
  });

  it('a deadline that would fall on a holiday moves past it, and past the weekend after it', () => {
    // Thursday + 3 working days in Amman: Sun, Mon, Tue → Tuesday 20th; with Tuesday a holiday → Wednesday.
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 3, amman()).toISOString().slice(0, 10)).toBe('2026-01-20');
    expect(
      addWorkingDays(at('2026-01-15T10:00:00Z'), 3, amman(['2026-01-20']))
        .toISOString()
        .slice(0, 10),
    ).toBe('2026-01-21');
    // Eid: Thursday 19 March + 1 working day: Fri–Sat weekend, Sunday 22 a holiday → Monday 23.
    const eid = amman(['2026-03-20', '2026-03-21', '2026-03-22']);
    expect(addWorkingDays(at('2026-03-19T08:00:00Z'), 1, eid).toISOString().slice(0, 10)).toBe('2026-03-23');
    // The count and the deadline agree: the deadline is the first day the count reaches the SLA.
    const deadline = addWorkingDays(at('2026-03-19T08:00:00Z'), 4, eid);
    expect(workingDaysBetween(at('2026-03-19T08:00:00Z'), deadline, eid)).toBe(4);
    expect(workingDaysBetween(at('2026-03-19T08:00:00Z'), new Date(deadline.getTime() - 86_400_000), eid)).toBe(3);
  });

  it('a weekend of all seven days does not loop forever', () => {
    const never: WorkCalendar = { timeZone: 'UTC', weekend: new Set([0, 1, 2, 3, 4, 5, 6]), holidays: new Set() };
    expect(addWorkingDays(at('2026-01-15T10:00:00Z'), 2, never).getTime()).toBeGreaterThan(0);
  });
});
