import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { referralRow } from '../helpers/referral-factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, type Town } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import type { Cohort } from '../../src/shared/vocabulary.js';
import { countYear } from '../../src/modules/hub/figures.js';
import { lastPublishedYear, publishedOn } from '../../src/modules/hub/release.js';

const { db, url } = await testDb();
const NOW = new Date('2026-04-10T09:00:00Z');

async function as(user: { id: string; municipalityId: string }, at = NOW) {
  return (await callerFor(db, user, { clock: manualClock(at) })).caller;
}

/** `n` referrals of `cohort` in `town`, submitted at `at` (synthetic). */
async function referrals(town: Town, cohort: Cohort, n: number, at: Date) {
  const person = await makePerson(db, town.town.id);
  await db.referral.createMany({ data: Array.from({ length: n }, () => referralRow(town, person, { cohort, submittedAt: at })) });
}

const IN_2025 = new Date('2025-06-03T09:00:00Z');

/** Hub H: A (JO) and B (TN) share their figures; C (JO) is a member that does not share; D is no member yet. */
async function network() {
  const [A, B, C, D] = await Promise.all([makeTown(db), makeTown(db), makeTown(db), makeTown(db)]);
  await db.municipality.update({ where: { id: B.town.id }, data: { country: 'TN' }, select: { id: true } });
  await referrals(A, 'youth', 12, IN_2025);
  await referrals(A, 'returnee', 6, IN_2025);
  await referrals(B, 'youth', 9, IN_2025);
  await referrals(C, 'migrant', 20, IN_2025);
  await referrals(D, 'other', 15, IN_2025);
  const H = await makeHub(db, [{ id: A.town.id }, { id: B.town.id }, { id: C.town.id, share: false }]);
  return { A, B, C, D, H };
}

/** The hub's events of hub.figures, oldest first: whether each published the year. */
async function publications(analystId: string) {
  const events = await db.auditEvent.findMany({
    where: { actorId: analystId, action: 'hub.figures', outcome: 'allowed' },
    orderBy: { seq: 'asc' },
    select: { detail: true },
  });
  return events.map((e) => (e.detail as { firstPublication?: boolean }).firstPublication);
}

describe('the publication calendar', () => {
  it('publishes a year on 1 February of the next, where the hub is', () => {
    expect(publishedOn(2025)).toBe('2026-02-01');
    expect(lastPublishedYear('2026-01-31')).toBe(2024);
    expect(lastPublishedYear('2026-02-01')).toBe(2025);
    expect(lastPublishedYear('2026-12-31')).toBe(2025);
  });

  it("refuses the current year, and last year until 1 February in the hub's time zone", async () => {
    const { H } = await network();
    const { timeZone } = await db.municipality.findUniqueOrThrow({ where: { id: H.hub.id }, select: { timeZone: true } });
    expect(timeZone).toBe('Asia/Amman'); // UTC+3: 1 February begins there at 21:00 UTC on 31 January.
    const early = await failure((await as(H.analyst, new Date('2026-01-31T20:59:00Z'))).hub.figures({ year: 2025 }));
    expect(early).toMatchObject({ code: 'BAD_INPUT', fields: { year: 'year_not_published' }, info: { publishedOn: '2026-02-01' } });
    // Not even a year still going on in April (asked again in May, the difference would be May's counts).
    const current = await failure((await as(H.analyst)).hub.figures({ year: 2026 }));
    expect(current).toMatchObject({ code: 'BAD_INPUT', fields: { year: 'year_not_published' }, info: { publishedOn: '2027-02-01' } });
    expect(await db.hubRelease.count({ where: { municipalityId: H.hub.id } })).toBe(0);
    const onTime = await (await as(H.analyst, new Date('2026-01-31T21:01:00Z'))).hub.figures({ year: 2025 });
    expect(onTime.period).toEqual({ year: 2025 });
    expect(onTime.next).toEqual({ year: 2026, on: '2027-02-01' });
  });
});

describe('a published year never changes', () => {
  it('is the same after a city stops sharing, a record is back-dated into it and a city joins; published once', async () => {
    const { A, B, D, H } = await network();
    const analyst = await as(H.analyst);
    const first = await analyst.hub.figures({ year: 2025 });
    expect(first.municipalities.map((m) => m.id).sort()).toEqual([A.town.id, B.town.id].sort());
    const cohort = first.figures.find((f) => f.id === 'referralsByCohort')!;
    expect(cohort.byCountry.total).toBe(27);

    // Asked again (a month later) after each change, the answer is the first one.
    const again = async (what: string) => {
      const later = await (await as(H.analyst, new Date('2026-05-20T09:00:00Z'))).hub.figures({ year: 2025 });
      expect(later.figures, what).toEqual(first.figures);
      expect(later.municipalities, what).toEqual(first.municipalities);
      expect(later.publishedAt, what).toBe(first.publishedAt);
    };
    await (await as(B.admin)).hub.setSharing({ hubId: H.hub.id, share: false });
    await again('B stopped sharing');
    await referrals(A, 'migrant', 5, new Date('2025-11-20T09:00:00Z'));
    await again('five referrals back-dated into 2025 in A');
    await db.hubMember.create({ data: { hubId: H.hub.id, municipalityId: D.town.id, shareFigures: true } });
    await again('D joined and shares (15 "other" in 2025)');
    // Counted afresh, the year would differ (so the answer above is the stored release, not a recount).
    const cities = await db.municipality.findMany({
      where: { id: { in: [A.town.id, D.town.id] } },
      select: { id: true, name: true, country: true, timeZone: true },
    });
    const fresh = await countYear(db, cities, 2025, NOW);
    expect(fresh.find((f) => f.id === 'referralsByCohort')!.byCountry.total).toBe(38);
    expect(fresh).not.toEqual(first.figures);

    expect(await db.hubRelease.count({ where: { municipalityId: H.hub.id } })).toBe(1);
    expect(await publications(H.analyst.id)).toEqual([true, false, false, false]);
  });

  it('two first requests at once store one release and give the same answer', async () => {
    const { H } = await network();
    const [one, two] = await Promise.all([as(H.analyst), as(H.analyst)]);
    const [a, b] = await Promise.all([one.hub.figures({ year: 2025 }), two.hub.figures({ year: 2025 })]);
    expect(b).toEqual(a);
    expect(await db.hubRelease.count({ where: { municipalityId: H.hub.id, year: 2025 } })).toBe(1);
    // Exactly one of them published it; both are audited.
    expect((await publications(H.analyst.id)).sort()).toEqual([false, true]);
  });

  it("the server's role cannot rewrite or remove a release, nor store one for a city", async () => {
    const { A, H } = await network();
    const first = await (await as(H.analyst)).hub.figures({ year: 2025 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of [
        `UPDATE hub_release SET figures = '[]'::jsonb WHERE municipality_id = '${H.hub.id}'`,
        `DELETE FROM hub_release WHERE municipality_id = '${H.hub.id}'`,
        'TRUNCATE hub_release',
      ]) {
        const refused = await client.query(sql).then(
          () => null,
          (err: { code?: string }) => err.code,
        );
        expect(refused, sql).toBe('42501');
      }
      const city = await client
        .query(`INSERT INTO hub_release (id, municipality_id, year, figures, cities) VALUES (gen_random_uuid(), $1, 2025, '[]', '[]')`, [
          A.town.id,
        ])
        .then(
          () => null,
          (err: { code?: string }) => err.code,
        );
      expect(city).toBe('23514');
    } finally {
      await client.end();
    }
    expect((await (await as(H.analyst)).hub.figures({ year: 2025 })).figures).toEqual(first.figures);
  });
});
