import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, OPENED_AT, type MakeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Seven cases opened an hour apart, in a spread of stages, cohorts and assignments. */
async function townWithCases() {
  const town = await makeTown(db);
  const other = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
  const agency = await makeAgency(db, town.town.id);
  const specs: MakeCase[] = [
    { stage: 'intake', cohort: 'youth' },
    { stage: 'assessment', cohort: 'returnee', keyWorkerId: other.id },
    { stage: 'planning', cohort: 'youth', leadAgencyId: agency.id },
    { stage: 'intervention', cohort: 'migrant', keyWorkerId: other.id, leadAgencyId: agency.id },
    { stage: 'review', cohort: 'youth' },
    { stage: 'closed', cohort: 'returnee_family', keyWorkerId: other.id },
    { stage: 'follow_up', cohort: 'youth' },
  ];
  const cases = [];
  for (const [i, spec] of specs.entries()) {
    cases.push(
      await makeCase(db, town, {
        ...spec,
        openedAt: new Date(OPENED_AT.getTime() + i * HOUR),
        person: { nameLatin: `Synthetic Person ${i}` },
      }),
    );
  }
  return { town, other, agency, cases };
}

describe('cases.list', () => {
  it('pages with a keyset cursor, newest opened first, and each filter narrows the list', async () => {
    const { town, other, agency, cases } = await townWithCases();
    const clock = manualClock(new Date(OPENED_AT.getTime() + 40 * DAY));
    const { caller } = await callerFor(db, town.coordinator, { clock });
    const newestFirst = [...cases].reverse().map((c) => c.reference);

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.cases.list({ limit: 3, cursor });
      pages.push(page.items.map((i) => i.reference));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);

    const refs = async (filters: Parameters<typeof caller.cases.list>[0]) =>
      (await caller.cases.list(filters)).items.map((i) => i.reference);
    const pick = (...i: number[]) => i.map((n) => cases[n]!.reference).reverse();
    expect(await refs({ stage: 'planning' })).toEqual(pick(2));
    expect(await refs({ cohort: 'youth' })).toEqual(pick(0, 2, 4, 6));
    expect(await refs({ keyWorkerId: other.id })).toEqual(pick(1, 3, 5));
    expect(await refs({ leadAgencyId: agency.id })).toEqual(pick(2, 3));
    expect(await refs({ cohort: 'youth', stage: 'review' })).toEqual(pick(4));
    expect(await refs({ reference: cases[3]!.reference.toLowerCase() })).toEqual(pick(3));
    expect(await refs({ reference: cases[0]!.reference.slice(0, 4).toLowerCase() })).toEqual(newestFirst);
    // Overdue means what users read it as, and what reminders say: open, next review date before today.
    // Review dates: yesterday (0, 1), today (2), next week (3), none (4), and yesterday on the closed and follow-up cases.
    const today = new Date(clock().toISOString().slice(0, 10));
    const reviewOn = (i: number, days: number | null) =>
      db.case.update({
        where: { id: cases[i]!.id },
        data: { nextReviewAt: days === null ? null : new Date(today.getTime() + days * DAY) },
        select: { id: true },
      });
    for (const [i, days] of [
      [0, -1],
      [1, -1],
      [2, 0],
      [3, 7],
      [4, null],
      [5, -1],
      [6, -1],
    ] as const)
      await reviewOn(i, days);
    // A note today does not make a review happen: case 0 stays overdue.
    await caller.cases.addNote({ caseId: cases[0]!.id, body: 'Synthetic call today.' });
    expect(await refs({ overdue: true })).toEqual(pick(0, 1));
    expect(await refs({ overdue: false })).toEqual(pick(2, 3, 4, 5, 6));
    await expect(caller.cases.list({ reference: "x%' OR 1=1" })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.cases.list({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const row = (await caller.cases.list({ stage: 'intervention' })).items[0];
    expect(row).toEqual({
      id: cases[3]!.id,
      reference: cases[3]!.reference,
      stage: 'intervention',
      cohort: 'migrant',
      summaryVisible: true,
      person: { nameArabic: null, nameLatin: 'Synthetic Person 3' },
      keyWorker: { id: other.id, displayName: expect.any(String) },
      leadAgency: { id: agency.id, name: agency.name },
      openedAt: new Date(OPENED_AT.getTime() + 3 * HOUR),
      updatedAt: expect.any(Date),
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'case.list' },
      orderBy: { id: 'asc' },
      select: { detail: true, entityId: true },
    });
    // Which cases were shown is recorded, not just how many.
    expect(audit).toEqual({
      entityId: null,
      detail: { count: 3, touched: { Case: expect.any(Array), Person: expect.any(Array) }, filters: [], page: 'first' },
    });
    expect((audit.detail as { touched: { Case: string[] } }).touched.Case).toHaveLength(3);
  });

  it('shows a social worker their own cases, and a practitioner reference and stage only without the summary', async () => {
    const { town, cases } = await townWithCases();
    const by = { createdById: town.coordinator.id };
    await makeDisclosure(db, cases[1]!, { agencyId: town.agency.id, sections: ['plan'], ...by });
    await makeDisclosure(db, cases[2]!, { agencyId: town.agency.id, sections: ['summary'], ...by });

    const { caller: sw } = await callerFor(db, town.socialWorker);
    expect((await sw.cases.list({})).items.map((i) => i.reference)).toEqual([6, 4, 2, 0].map((i) => cases[i]!.reference));

    const { caller: ap } = await callerFor(db, town.practitioner);
    const { items } = await ap.cases.list({});
    expect(items).toEqual([
      expect.objectContaining({ id: cases[2]!.id, summaryVisible: true, cohort: 'youth' }),
      { id: cases[1]!.id, reference: cases[1]!.reference, stage: 'assessment', summaryVisible: false },
    ]);
    expect(JSON.stringify(items)).not.toContain('Synthetic Person 1');
    // Filtering on a hidden field tells nothing: the plan-only case never matches it.
    expect((await ap.cases.list({ cohort: 'returnee' })).items).toEqual([]);
    expect((await ap.cases.list({ stage: 'assessment' })).items.map((i) => i.id)).toEqual([cases[1]!.id]);
  });

  it('shows nothing of another municipality', async () => {
    const { cases } = await townWithCases();
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, elsewhere.coordinator);
    expect((await caller.cases.list({})).items).toEqual([]);
    expect((await caller.cases.list({ reference: cases[0]!.reference })).items).toEqual([]);
  });
});
