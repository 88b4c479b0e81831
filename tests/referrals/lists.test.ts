import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral, referralInput, type MakeReferral } from '../helpers/referral-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { failure } from '../helpers/case-factories.js';

const { db } = await testDb();

type Town = Awaited<ReturnType<typeof makeTown>>;

/** A Tunisian working week (Monday to Friday, in Tunis), which the ages below count in. */
const mondayToFriday = (town: Town) =>
  db.municipality.update({ where: { id: town.town.id }, data: { weekendDays: [6, 0], timeZone: 'Africa/Tunis' }, select: { id: true } });

/** A coordinator's caller whose clock reads `iso` (a session made at that moment). */
const coordinatorAt = (town: Town, iso: string) => callerFor(db, town.coordinator, { clock: manualClock(new Date(iso)) });

async function queueOf(town: Town, iso: string, limit = 25) {
  const { caller } = await coordinatorAt(town, iso);
  const items = [];
  for (let cursor: string | undefined, pages = 0; ; pages++) {
    const page = await caller.referrals.queue({ cursor, limit });
    items.push(...page.items);
    if (!page.nextCursor) return { items, pages: pages + 1, slaDays: page.slaDays };
    cursor = page.nextCursor;
  }
}

describe('referrals.queue', () => {
  // Weekdays of January 2026: Wed 14, Thu 15, Fri 16, Mon 19, Tue 20, Thu 22, Fri 23.
  async function townWithQueue() {
    const town = await makeTown(db);
    await mondayToFriday(town);
    const mk = (name: string, submittedAt: string, over: Partial<MakeReferral> = {}) =>
      makeReferral(db, testKeyring, { town, referrer: town.socialWorker, submittedAt: new Date(submittedAt), ...over }).then(
        (r) => [name, r.id] as const,
      );
    const made = await Promise.all([
      mk('routineThu', '2026-01-15T09:00:00Z'),
      mk('routineWed', '2026-01-14T15:00:00Z'),
      mk('dangerTue', '2026-01-20T11:00:00Z', { urgency: 'immediate_danger' }),
      mk('priorityMon', '2026-01-19T08:00:00Z', { urgency: 'priority' }),
      mk('priorityFri', '2026-01-16T16:00:00Z', { urgency: 'priority', referrer: town.practitioner }),
      mk('accepted', '2026-01-13T09:00:00Z', { status: 'accepted', decidedBy: town.coordinator }),
      mk('closed', '2026-01-13T10:00:00Z', { status: 'closed', decidedBy: town.coordinator }),
    ]);
    return { town, ids: Object.fromEntries(made) as Record<string, string> };
  }

  it('puts immediate danger, then priority, then routine first, oldest first within each, across keyset pages', async () => {
    const { town, ids } = await townWithQueue();
    const other = await makeTown(db);
    await makeReferral(db, testKeyring, { town: other, referrer: other.socialWorker, urgency: 'immediate_danger' });
    const expected = ['dangerTue', 'priorityFri', 'priorityMon', 'routineWed', 'routineThu'].map((n) => ids[n]);
    for (const limit of [25, 2, 1]) {
      const { items, pages } = await queueOf(town, '2026-01-22T10:00:00Z', limit);
      expect(
        items.map((i) => i.id),
        `limit ${limit}`,
      ).toEqual(expected);
      expect(pages).toBe(Math.ceil(5 / limit));
    }
  });

  it('ages each referral in working days against the SLA: 5 working days is due, the 6th overdue', async () => {
    const { town, ids } = await townWithQueue();
    const ageOn = async (iso: string) => {
      const { items, slaDays } = await queueOf(town, iso);
      return {
        slaDays,
        ages: Object.fromEntries(items.map((i) => [Object.keys(ids).find((k) => ids[k] === i.id), [i.ageWorkingDays, i.overdue]])),
      };
    };
    // Next Thursday: the Thursday referral is 5 working days old, at the SLA, not yet overdue.
    expect(await ageOn('2026-01-22T10:00:00Z')).toEqual({
      slaDays: 5,
      ages: { dangerTue: [2, false], priorityFri: [4, false], priorityMon: [3, false], routineWed: [6, true], routineThu: [5, false] },
    });
    // Friday, and over the weekend, it is 6: overdue.
    expect((await ageOn('2026-01-23T07:00:00Z')).ages.routineThu).toEqual([6, true]);
    expect((await ageOn('2026-01-25T20:00:00Z')).ages.routineThu).toEqual([6, true]);
    // A stricter municipality: 3 working days.
    await db.municipality.update({ where: { id: town.town.id }, data: { screeningSlaDays: 3 } });
    expect(await ageOn('2026-01-22T10:00:00Z')).toMatchObject({
      slaDays: 3,
      ages: { priorityMon: [3, false], priorityFri: [4, true], routineThu: [5, true] },
    });
  });

  it('runs the SLA clock from the moment referrals.create was called, by the server clock', async () => {
    const town = await makeTown(db);
    await mondayToFriday(town);
    const clock = manualClock(new Date('2026-01-15T15:30:00Z')); // Thursday
    const { caller: worker } = await callerFor(db, town.socialWorker, { clock });
    const { id } = await worker.referrals.create(referralInput({ urgency: 'routine' }));
    const queuedAt = async (iso: string) => {
      clock.set(new Date(iso)); // a new session each time: days pass, sessions idle out
      const { caller } = await callerFor(db, town.coordinator, { clock });
      return (await caller.referrals.queue({})).items.map((i) => ({ id: i.id, age: i.ageWorkingDays, overdue: i.overdue }));
    };
    expect(await queuedAt('2026-01-22T16:00:00Z')).toEqual([{ id, age: 5, overdue: false }]);
    expect(await queuedAt('2026-01-23T08:00:00Z')).toEqual([{ id, age: 6, overdue: true }]);
  });

  it('shows who is concerned and who referred, without the concern text, and the read is audited', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id, { nameArabic: 'سارة', nameLatin: 'Sara Synthetic', birthYear: 2010 });
    const r = await makeReferral(db, testKeyring, {
      town,
      referrer: town.practitioner,
      person,
      concernCategories: ['school_behaviour', 'isolation'],
    });
    const { caller } = await coordinatorAt(town, '2026-01-15T09:00:00Z');
    const { items } = await caller.referrals.queue({});
    const agency = await db.agency.findUniqueOrThrow({ where: { id: town.agency.id }, select: { id: true, name: true } });
    const referrer = await db.user.findUniqueOrThrow({ where: { id: town.practitioner.id }, select: { id: true, displayName: true } });
    expect(items).toEqual([
      {
        id: r.id,
        submittedAt: r.submittedAt,
        urgency: 'routine',
        cohort: 'youth',
        // Made by a factory straight into the table, so no list item is named.
        cohortItemId: null,
        source: 'school',
        concernCategories: ['school_behaviour', 'isolation'],
        person: { id: person.id, nameArabic: 'سارة', nameLatin: 'Sara Synthetic', birthYear: 2010, version: 1 },
        referrer,
        referrerAgency: agency,
        ageWorkingDays: 3,
        overdue: false,
      },
    ]);
    expect(
      await db.auditEvent.findFirst({ where: { actorId: town.coordinator.id, action: 'referral.queue' }, select: { detail: true } }),
    ).toEqual({
      detail: { count: 1, touched: { Referral: [r.id], Person: [person.id] }, page: 'first' },
    });
  });

  it('refuses a cursor it did not make, as a field error', async () => {
    const town = await makeTown(db);
    const { caller } = await coordinatorAt(town, '2026-01-15T09:00:00Z');
    expect(await failure(caller.referrals.queue({ cursor: 'not-a-cursor' }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { cursor: 'invalid' },
    });
    expect(await failure(caller.referrals.mine({ cursor: Buffer.from('{"at":"x"}').toString('base64url') }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { cursor: 'invalid' },
    });
  });
});

describe('referrals.mine', () => {
  it("lists the user's own referrals newest first, in keyset pages, with status and decision but no concern text", async () => {
    const town = await makeTown(db);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));
    const own = [];
    for (const [d, status] of [
      [5, 'submitted'],
      [6, 'signposted'],
      [7, 'closed'],
      [8, 'accepted'],
      [9, 'submitted'],
    ] as const) {
      own.push(
        await makeReferral(db, testKeyring, {
          town,
          referrer: town.socialWorker,
          submittedAt: day(d),
          status,
          decidedBy: town.coordinator,
        }),
      );
    }
    // The same moment twice: the id breaks the tie, so no row is lost or repeated between pages.
    own.push(await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, submittedAt: day(9) }));
    await makeReferral(db, testKeyring, { town, referrer: town.practitioner, submittedAt: day(10) });
    const { caller } = await callerFor(db, town.socialWorker);
    const seen: Awaited<ReturnType<typeof caller.referrals.mine>>['items'] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.referrals.mine({ cursor, limit: 2 });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const byNewest = [...own].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime() || (a.id < b.id ? 1 : -1));
    expect(seen.map((r) => r.id)).toEqual(byNewest.map((r) => r.id));
    const find = (id: string) => seen.find((r) => r.id === id)!;
    expect(find(own[1]!.id)).toMatchObject({ status: 'signposted', signpostTo: 'Youth centre', closeReason: null, caseReference: null });
    expect(find(own[2]!.id)).toMatchObject({ status: 'closed', signpostTo: null, closeReason: 'insufficient_information' });
    expect(find(own[3]!.id)).toMatchObject({ status: 'accepted', caseReference: own[3]!.case!.reference });
    expect(seen.every((r) => !('concernText' in r) && !('decisionReason' in r))).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: town.socialWorker.id, action: 'referral.mine', outcome: 'allowed' } })).toBe(3);
  });
});
