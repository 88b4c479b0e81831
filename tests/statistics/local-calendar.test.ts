import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { referralRow } from '../helpers/referral-factories.js';
import type { Window } from '../../src/modules/statistics/queries.js';
import { referralTallies } from '../../src/modules/statistics/tally.js';
import { directCounts, sorted } from '../helpers/direct-counts.js';

const { db } = await testDb();

/**
 * The counts place each referral in the month and day of the municipality's own calendar (the tallies count
 * months between local midnights, tally.ts), at the edges where UTC and local time disagree.
 */
describe('statistics on the local calendar', () => {
  it('counts a referral in its local month and day, across midnight, a month end, a year end and a clock change', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const person = await makePerson(db, m);
    // Beirut: UTC+2 in winter, UTC+3 from the last Sunday of March (29 March 2026, 00:00 local).
    const at = (utc: string, decided?: string) =>
      referralRow(town, person, {
        status: decided ? 'accepted' : 'submitted',
        submittedAt: new Date(utc),
        decidedAt: decided ? new Date(decided) : null,
      });
    await db.referral.createMany({
      data: [
        at('2025-12-31T21:59:00Z'), // 23:59 on 31 December 2025 there: not this year
        at('2025-12-31T22:00:00Z', '2026-01-01T21:59:00Z'), // 00:00 on 1 January there, decided 23:59 the same day
        at('2026-01-31T22:30:00Z'), // 00:30 on 1 February there (still 31 January in UTC)
        at('2026-03-28T21:30:00Z', '2026-03-28T22:30:00Z'), // 23:30 on 28 March, decided 01:30 (after the change) on 29 March
        at('2026-03-31T20:59:00Z'), // 23:59 on 31 March, summer time
        at('2026-03-31T21:00:00Z'), // 00:00 on 1 April, summer time
        at('2026-12-31T21:59:00Z'), // 23:59 on 31 December 2026 (winter time again)
        at('2026-12-31T22:00:00Z'), // 00:00 on 1 January 2027: next year
      ],
    });
    const w: Window = { municipalityId: m, timeZone: 'Asia/Beirut', start: '2026-01-01', end: '2027-01-01', today: '2026-12-05' };
    const tallies = await referralTallies(db, w);
    const months = tallies.referrals.map((r) => [r.month, r.n]).sort();
    expect(months).toEqual([
      ['2026-01', 1],
      ['2026-02', 1],
      ['2026-03', 2],
      ['2026-04', 1],
      ['2026-12', 1],
    ]);
    const days = tallies.screening.map((r) => [r.month, r.submitted, r.decided, r.n]).sort();
    expect(days).toEqual([
      ['2026-01', '2026-01-01', '2026-01-01', 1],
      ['2026-02', '2026-02-01', null, 1],
      ['2026-03', '2026-03-28', '2026-03-29', 1],
      ['2026-03', '2026-03-31', null, 1],
      ['2026-04', '2026-04-01', null, 1],
      ['2026-12', '2026-12-31', null, 1],
    ]);
    expect(sorted(tallies)).toEqual(await directCounts(db, w));
  });
});
