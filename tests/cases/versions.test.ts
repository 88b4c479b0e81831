import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';

const { db } = await testDb();
const as = async (u: { id: string; municipalityId: string }) => (await callerFor(db, u)).caller;

/** A case with a key worker, one intervention assigned to the town's practitioner, and readers of one section each. */
async function world() {
  const town = await makeTown(db);
  const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, summary: 'Synthetic first summary.' });
  const coord = await as(town.coordinator);
  const i = await coord.cases.addIntervention({ caseId: c.id, type: 'mentoring', title: 'Synthetic mentoring', agencyId: town.agency.id });
  const reader = async (sections: ('summary' | 'plan')[]) => {
    const u = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    await makeDisclosure(db, c, { userId: u.id, sections, createdById: town.coordinator.id });
    return as(u);
  };
  return { town, c, i, coord, reader };
}

describe('the case summary carries a version', () => {
  it('refuses a save against an older version with their text, and keeps theirs; history keeps both', async () => {
    const { town, c, coord } = await world();
    const kw = await as(town.socialWorker);
    const opened = (await kw.cases.get({ id: c.id })).summary!;
    expect(opened).toMatchObject({ text: 'Synthetic first summary.', version: 1 });
    await expect(coord.cases.updateSummary({ id: c.id, version: 1, summary: 'Coordinator’s revision.' })).resolves.toEqual({
      id: c.id,
      version: 2,
    });
    const stale = await failure(kw.cases.updateSummary({ id: c.id, version: opened.version, summary: 'Key worker’s revision.' }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(JSON.parse(String(stale.info!.theirs))).toEqual({ summary: 'Coordinator’s revision.' });
    expect((await kw.cases.get({ id: c.id })).summary).toMatchObject({ text: 'Coordinator’s revision.', version: 2 });
    expect(await auditCount(db, town.socialWorker.id, 'case.summary.update')).toBe(0);

    await kw.cases.updateSummary({ id: c.id, version: 2, summary: 'Key worker’s revision.' });
    const history = await coord.cases.history({ id: c.id });
    expect(history.summary!.map((h) => [h.from, h.to, h.version, h.by.id])).toEqual([
      ['Coordinator’s revision.', 'Key worker’s revision.', 3, town.socialWorker.id],
      ['Synthetic first summary.', 'Coordinator’s revision.', 2, town.coordinator.id],
    ]);
  });

  it('lets exactly one of two saves of the same version through', async () => {
    const { town, c, coord } = await world();
    const kw = await as(town.socialWorker);
    const results = await Promise.allSettled([
      coord.cases.updateSummary({ id: c.id, version: 1, summary: 'One.' }),
      kw.cases.updateSummary({ id: c.id, version: 1, summary: 'Two.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })).toEqual({ version: 2 });
    expect(await db.fieldChange.count({ where: { entityId: c.id } })).toBe(1);
  });
});

describe('an intervention carries a version', () => {
  it('refuses a stale status or outcome and changes nothing; its history shows old → new', async () => {
    const { c, i, coord, town } = await world();
    await coord.cases.updateIntervention({ id: i.id, version: 1, status: 'active' });
    const stale = await failure(coord.cases.updateIntervention({ id: i.id, version: 1, outcome: 'Attended two sessions.' }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(JSON.parse(String(stale.info!.theirs))).toEqual({ outcome: null });
    expect(await db.intervention.findUniqueOrThrow({ where: { id: i.id }, select: { outcome: true, version: true } })).toEqual({
      outcome: null,
      version: 2,
    });
    await coord.cases.updateIntervention({ id: i.id, version: 2, outcome: 'Attended two sessions.' });
    const history = await (await as(town.socialWorker)).cases.history({ id: c.id });
    expect(history.interventions!.map((h) => [h.title, h.field, h.from, h.to])).toEqual([
      ['Synthetic mentoring', 'outcome', null, 'Attended two sessions.'],
      ['Synthetic mentoring', 'status', 'planned', 'active'],
    ]);
  });
});

describe('cases.history', () => {
  it('shows each section’s history only to those who read that section; others get nothing', async () => {
    const { town, c, i, coord, reader } = await world();
    await coord.cases.updateSummary({ id: c.id, version: 1, summary: 'Revised.' });
    await coord.cases.updateIntervention({ id: i.id, version: 1, status: 'active' });
    const summaryOnly = await (await reader(['summary'])).cases.history({ id: c.id });
    expect(summaryOnly.summary).toHaveLength(1);
    expect(summaryOnly.interventions).toBeNull();
    const planOnly = await (await reader(['plan'])).cases.history({ id: c.id });
    expect(planOnly.summary).toBeNull();
    expect(planOnly.interventions).toHaveLength(1);
    await expect((await as(town.auditor)).cases.history({ id: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await as(town.practitioner)).cases.history({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = (await makeTown(db)).coordinator;
    await expect((await as(stranger)).cases.history({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditCount(db, stranger.id, 'case.history', 'denied')).toBe(1);
  });
});
