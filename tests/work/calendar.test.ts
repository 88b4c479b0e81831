import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { day, remindersOf, sweepAt } from '../helpers/work-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

/** Thursday 15 January 2026 at 00:30 in Amman (UTC+3): still Wednesday the 14th in UTC. */
const JUST_AFTER_MIDNIGHT = new Date('2026-01-14T21:30:00Z');

describe("the municipality's calendar on the server", () => {
  it('a new municipality takes its country’s weekend and zone (Jordan: Fri–Sat, Amman; Tunisia: Sat–Sun, Tunis; Algeria: Fri–Sat)', async () => {
    const calendar = (id: string) => db.municipality.findUniqueOrThrow({ where: { id }, select: { timeZone: true, weekendDays: true } });
    expect(await calendar((await makeMunicipality(db, { country: 'JO' })).id)).toEqual({ timeZone: 'Asia/Amman', weekendDays: [5, 6] });
    expect(await calendar((await makeMunicipality(db, { country: 'TN' })).id)).toEqual({ timeZone: 'Africa/Tunis', weekendDays: [6, 0] });
    expect(await calendar((await makeMunicipality(db, { country: 'DZ' })).id)).toEqual({ timeZone: 'Africa/Algiers', weekendDays: [5, 6] });
    expect(await calendar((await makeMunicipality(db, { country: 'MA' })).id)).toEqual({
      timeZone: 'Africa/Casablanca',
      weekendDays: [6, 0],
    });
  });

  it('"today" in Asia/Amman just after local midnight: yesterday’s review is overdue there, and auth.me gives the zone', async () => {
    const town = await makeTown(db); // JO: Asia/Amman
    const clock = manualClock(JUST_AFTER_MIDNIGHT);
    const { caller } = await callerFor(db, town.coordinator, { clock });
    const due14 = await makeCase(db, town);
    const due15 = await makeCase(db, town);
    await db.case.update({ where: { id: due14.id }, data: { nextReviewAt: day('2026-01-14') } });
    await db.case.update({ where: { id: due15.id }, data: { nextReviewAt: day('2026-01-15') } });
    const overdue = async (flag: boolean) => (await caller.cases.list({ overdue: flag })).items.map((c) => c.id).sort();
    // The 14th is yesterday in Amman (in UTC it would still be today, and not overdue).
    expect(await overdue(true)).toEqual([due14.id]);
    expect(await overdue(false)).toEqual([due15.id]);
    // A town in UTC at the same instant: the 14th is today, not overdue.
    await db.municipality.update({ where: { id: town.town.id }, data: { timeZone: 'UTC' } });
    expect(await overdue(true)).toEqual([]);
    await db.municipality.update({ where: { id: town.town.id }, data: { timeZone: 'Asia/Amman' } });
    expect((await caller.auth.me()).municipality).toMatchObject({ country: 'JO', timeZone: 'Asia/Amman' });

    // The next review must be after today there: the 15th is today in Amman, the 16th is the first day allowed.
    const refused = caller.cases.recordReview({ caseId: due14.id, nextReviewAt: '2026-01-15' });
    await expect(refused).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.cases.recordReview({ caseId: due14.id, nextReviewAt: '2026-01-16' })).resolves.toMatchObject({
      nextReviewAt: day('2026-01-16'),
    });
  });

  it('the screening deadline skips the Friday–Saturday weekend and a public holiday (queue age and reminder)', async () => {
    const town = await makeTown(db);
    await db.municipality.update({ where: { id: town.town.id }, data: { screeningSlaDays: 2 } });
    // Submitted Thursday 15 January; Sunday 18 and Monday 19 are working days in Amman, unless a holiday.
    const r = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, submittedAt: new Date('2026-01-15T08:00:00Z') });
    const tuesday = new Date('2026-01-20T08:00:00Z');
    const { caller } = await callerFor(db, town.coordinator, { clock: manualClock(tuesday) });
    const age = async () => (await caller.referrals.queue({})).items.find((i) => i.id === r.id)!;
    expect(await age()).toMatchObject({ ageWorkingDays: 3, overdue: true }); // Sun, Mon, Tue
    await sweepAt(db, town.town.id, tuesday);
    expect((await remindersOf(db, town.town.id)).filter((x) => x.kind === 'screening_overdue').map((x) => x.dueAt)).toContain('2026-01-20');

    // With Monday 19 a public holiday, Tuesday is only the second working day: not late yet; late from Wednesday.
    const admin = (await callerFor(db, town.admin)).caller;
    await admin.work.setHolidays({ holidays: [{ date: '2026-01-19', name: 'Synthetic holiday' }] });
    expect(await age()).toMatchObject({ ageWorkingDays: 2, overdue: false });
    const other = await makeTown(db);
    const r2 = await makeReferral(db, testKeyring, {
      town: other,
      referrer: other.socialWorker,
      submittedAt: new Date('2026-01-15T08:00:00Z'),
    });
    await db.municipality.update({ where: { id: other.town.id }, data: { screeningSlaDays: 2 } });
    await (await callerFor(db, other.admin)).caller.work.setHolidays({ holidays: [{ date: '2026-01-19', name: 'Synthetic holiday' }] });
    await sweepAt(db, other.town.id, tuesday);
    expect((await remindersOf(db, other.town.id)).filter((x) => x.entityId === r2.id)).toEqual([]);
    await sweepAt(db, other.town.id, new Date('2026-01-21T08:00:00Z'));
    expect((await remindersOf(db, other.town.id)).filter((x) => x.entityId === r2.id).map((x) => x.dueAt)).toContain('2026-01-21');
  });

  it('a review date falling on the weekend or a holiday moves to the next working day', async () => {
    const town = await makeTown(db);
    await db.municipality.update({ where: { id: town.town.id }, data: { reviewIntervalDays: 30 } });
    await (await callerFor(db, town.admin)).caller.work.setHolidays({ holidays: [{ date: '2026-03-22', name: 'Eid al-Fitr' }] });
    // Reviewed on Tuesday 17 February: 30 days ahead is Thursday 19 March, a working day.
    const reviewer = async (at: string) => (await callerFor(db, town.coordinator, { clock: manualClock(new Date(at)) })).caller;
    const c = await makeCase(db, town);
    expect((await (await reviewer('2026-02-17T09:00:00Z')).cases.recordReview({ caseId: c.id })).nextReviewAt).toEqual(day('2026-03-19'));
    // On Wednesday 18: Friday 20 March (weekend), Saturday (weekend), Sunday 22 (Eid) → Monday 23.
    expect((await (await reviewer('2026-02-18T09:00:00Z')).cases.recordReview({ caseId: c.id })).nextReviewAt).toEqual(day('2026-03-23'));
  });
});
