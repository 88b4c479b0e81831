import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeTown } from '../helpers/factories.js';
import { referralRow } from '../helpers/referral-factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, type Town } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import type { Cohort } from '../../src/shared/vocabulary.js';
import { SMALL } from '../../src/modules/statistics/suppress.js';
import type { City } from '../../src/modules/hub/hierarchy.js';
import { attackHierarchy } from './attack.js';

const { db } = await testDb();
const NOW = new Date('2026-04-10T09:00:00Z');

async function as(user: { id: string; municipalityId: string }) {
  return (await callerFor(db, user, { clock: manualClock(NOW) })).caller;
}

/** A town of `country` with referrals of 2025 by cohort (synthetic). */
async function townWith(country: string, cohorts: Partial<Record<Cohort, number>>): Promise<Town> {
  const town = await makeTown(db);
  await db.municipality.update({ where: { id: town.town.id }, data: { country }, select: { id: true } });
  const person = await makePerson(db, town.town.id);
  const data = Object.entries(cohorts).flatMap(([cohort, n]) =>
    Array.from({ length: n }, () => referralRow(town, person, { cohort: cohort as Cohort, submittedAt: new Date('2025-02-03T09:00:00Z') })),
  );
  await db.referral.createMany({ data });
  return town;
}

/**
 * Hub H: A, B (Jordan) and C (Tunisia) share their figures; D (Jordan) is a member that does not; E shares
 * with another hub only. Referrals of 2025 (published on 1 February 2026, before NOW): A 12 youth + 2 returnees, B 9 youth + 6 migrants, C 7 youth +
 * 5 migrants, D 20 returnees, E 30 "other".
 */
async function network() {
  const [A, B, C, D, E] = await Promise.all([
    townWith('JO', { youth: 12, returnee: 2 }),
    townWith('JO', { youth: 9, migrant: 6 }),
    townWith('TN', { youth: 7, migrant: 5 }),
    townWith('JO', { returnee: 20 }),
    townWith('JO', { other: 30 }),
  ]);
  const H = await makeHub(db, [{ id: A.town.id }, { id: B.town.id }, { id: C.town.id }, { id: D.town.id, share: false }]);
  const H2 = await makeHub(db, [{ id: E.town.id }]);
  return { A, B, C, D, E, H, H2 };
}

const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

describe('hub.figures', () => {
  it('counts the sharing members by city, country and hub, suppressed; nothing of a member that does not share, nor of another hub', async () => {
    const { A, B, C, H } = await network();
    const out = await (await as(H.analyst)).hub.figures({ year: 2025 });
    expect(out.municipalities.map((m) => m.id).sort()).toEqual([A.town.id, B.town.id, C.town.id].sort());
    expect(out.years).toEqual({ first: 2025, last: 2025 });
    expect(out.next).toEqual({ year: 2026, on: '2027-02-01' });
    const cohort = byId(out.figures, 'referralsByCohort');
    const m = cohort.byMunicipality;
    const k = cohort.byCountry;
    const cell = (row: string, col: string) => m.cells[m.rows.indexOf(row)]![m.cols.indexOf(col)];
    // A's two returnees are "<5"; D's 20 returnees never reach the hub (the hub's returnees stay "<5", not 22).
    expect(cell(A.town.id, 'returnee')).toBe(SMALL);
    expect(k.colTotals[k.cols.indexOf('returnee')]).toBe(SMALL);
    // E's 30 "other" belong to another hub.
    expect(k.colTotals[k.cols.indexOf('other')]).toBe(0);
    expect(k.rows).toEqual(['JO', 'TN']);
    expect(k.total).toBe(41);
    // Every count shown is the true one (a hidden complement is '*').
    const truth: Record<string, Partial<Record<string, number>>> = {
      [A.town.id]: { youth: 12, returnee: 2 },
      [B.town.id]: { youth: 9, migrant: 6 },
      [C.town.id]: { youth: 7, migrant: 5 },
    };
    for (const row of m.rows)
      for (const col of m.cols) {
        const shown = cell(row, col);
        if (typeof shown === 'number') expect(shown, `${row} ${col}`).toBe(truth[row]![col] ?? 0);
      }
    // Every published number together gives no suppressed one away.
    const cities: City[] = out.municipalities.map(({ id, country }) => ({ id, country }));
    expect(attackHierarchy(cohort, cities, 16)).toEqual([]);
    // Audited on the hub's own chain, with the year.
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: H.analyst.id, action: 'hub.figures' },
      select: { municipalityId: true, outcome: true, entityId: true, detail: true },
    });
    expect(event).toMatchObject({
      municipalityId: H.hub.id,
      outcome: 'allowed',
      entityId: H.hub.id,
      detail: { year: 2025, cities: 3, firstPublication: true },
    });
  });

  it("a city's admin stops sharing before the year is first asked for: it is not counted (audited on the city's chain)", async () => {
    const { A, H } = await network();
    await (await as(A.admin)).hub.setSharing({ hubId: H.hub.id, share: false });
    const out = await (await as(H.analyst)).hub.figures({ year: 2025 });
    expect(out.municipalities.map((m) => m.id)).not.toContain(A.town.id);
    const cohort = byId(out.figures, 'referralsByCohort');
    expect(cohort.byCountry.colTotals[cohort.byCountry.cols.indexOf('returnee')]).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { municipalityId: A.town.id, actorId: A.admin.id, action: 'hub.sharing.set', entityId: H.hub.id },
      }),
    ).toBe(1);
  });

  it('the analyst of another hub sees only its own members', async () => {
    const { A, E, H2 } = await network();
    const out = await (await as(H2.analyst)).hub.figures({ year: 2025 });
    expect(out.municipalities.map((m) => m.id)).toEqual([E.town.id]);
    expect(out.municipalities.map((m) => m.id)).not.toContain(A.town.id);
  });

  it('is the hub analyst’s only: a coordinator, an auditor, the hub’s admin are refused FORBIDDEN, audited', async () => {
    const { A, H } = await network();
    for (const user of [A.coordinator, A.auditor, A.admin, H.admin]) {
      expect((await failure((await as(user)).hub.figures({ year: 2025 }))).code, user.role).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'hub.figures', 'denied'), user.role).toBe(1);
    }
  });

  it('one published calendar year only: another key, a year not over, or one before the first records is refused with a translated field error; none is stored', async () => {
    const { H } = await network();
    const analyst = await as(H.analyst);
    // April 2026: 2026 is not over; 2027 neither. Each names the day it will be published.
    for (const year of [2026, 2027]) {
      const early = await failure(analyst.hub.figures({ year }));
      expect(early).toMatchObject({
        code: 'BAD_INPUT',
        fields: { year: 'year_not_published' },
        info: { publishedOn: `${year + 1}-02-01` },
      });
    }
    const before = await failure(analyst.hub.figures({ year: 2024 }));
    expect(before).toMatchObject({ code: 'BAD_INPUT', fields: { year: 'year_out_of_range' } });
    const free = await failure(analyst.hub.figures({ year: 2025, from: '2025-01-01' } as never));
    expect(free.fields).toMatchObject({ from: 'year_only' });
    expect(await db.hubRelease.count({ where: { municipalityId: H.hub.id } })).toBe(0);
    // No year named: the last published one.
    expect((await analyst.hub.figures({})).period).toEqual({ year: 2025 });
  });

  it('a hub without sharing members answers empty tables', async () => {
    const lone = await makeHub(db, [{ id: (await makeMunicipality(db)).id, share: false }]);
    const out = await (await as(lone.analyst)).hub.figures({ year: 2025 });
    expect(out.municipalities).toEqual([]);
    expect(out.figures.every((f) => f.byMunicipality.rows.length === 0 && f.byCountry.total === 0)).toBe(true);
  });
});
