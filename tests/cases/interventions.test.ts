import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/lib/clock.js';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';

const { db } = await testDb();

const input = (caseId: string, agencyId: string, over: Record<string, unknown> = {}) => ({
  caseId,
  type: 'mentoring' as const,
  title: 'Weekly mentoring at the youth centre',
  agencyId,
  startDate: '2026-02-01',
  dueDate: '2026-05-01',
  ...over,
});

describe('cases.addIntervention', () => {
  it('lets the key worker and the coordinator add to the plan, on the timeline and in the audit log', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    // One clock for both, moved between the two additions, so the plan's order is defined.
    const clock = manualClock();
    const { caller: kw } = await callerFor(db, town.socialWorker, { clock });
    const { caller: coord } = await callerFor(db, town.coordinator, { clock });
    const a = await kw.cases.addIntervention(input(c.id, town.agency.id, { assigneeId: town.practitioner.id }));
    clock.advance(60_000);
    expect(a).toMatchObject({
      type: 'mentoring',
      status: 'planned',
      agency: { id: town.agency.id },
      assignee: { id: town.practitioner.id },
      outcome: null,
    });
    expect(a.dueDate).toEqual(new Date('2026-05-01T00:00:00Z'));
    const b = await coord.cases.addIntervention(
      input(c.id, town.agency.id, { type: 'education', title: 'School re-enrolment', startDate: undefined, dueDate: undefined }),
    );

    const page = await kw.cases.get({ id: c.id });
    expect(page.plan!.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(page.planAdd?.agencies.map((x) => x.id)).toContain(town.agency.id);
    expect(page.timeline.filter((e) => e.kind === 'intervention').map((e) => e.data.interventionId)).toEqual([b.id, a.id]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.socialWorker.id, action: 'case.intervention.create' },
      select: { entityId: true, detail: true },
    });
    expect(event).toEqual({
      entityId: c.id,
      detail: { interventionId: a.id, type: 'mentoring', agencyId: town.agency.id, assigneeId: town.practitioner.id },
    });
    expect(await auditCount(db, town.coordinator.id, 'case.intervention.create')).toBe(1);
  });

  it('refuses other social workers, auditors, admins, practitioners and other municipalities, audited', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const otherSw = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const teamSw = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    await makeDisclosure(db, c, { userId: teamSw.id, sections: ['plan'], createdById: town.coordinator.id });
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
    const elsewhere = await makeTown(db);
    const cases: [{ id: string }, string][] = [
      [otherSw, 'NOT_FOUND'],
      [teamSw, 'FORBIDDEN'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
      [town.practitioner, 'FORBIDDEN'],
      [elsewhere.coordinator, 'NOT_FOUND'],
    ];
    for (const [user, code] of cases) {
      const { caller } = await callerFor(db, user as { id: string; municipalityId: string });
      await expect(caller.cases.addIntervention(input(c.id, town.agency.id)), code).rejects.toMatchObject({ code });
      expect(await auditCount(db, user.id, 'case.intervention.create', 'denied')).toBe(1);
    }
    expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(0);
  });

  it('refuses an agency or assignee that is inactive or of another municipality, at the field', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const refused = async (over: Record<string, unknown>, fields: Record<string, string>) => {
      const i = input(c.id, town.agency.id, over);
      expect(await failure(caller.cases.addIntervention(i), i)).toMatchObject({ code: 'NOT_FOUND', fields });
    };
    await refused({ agencyId: elsewhere.agency.id }, { agencyId: 'NOT_FOUND' });
    await refused({ agencyId: (await makeAgency(db, town.town.id, { active: false })).id }, { agencyId: 'NOT_FOUND' });
    await refused({ assigneeId: elsewhere.socialWorker.id }, { assigneeId: 'NOT_FOUND' });
    await refused(
      { assigneeId: (await makeUser(db, { municipalityId: town.town.id, role: 'social_worker', disabled: true })).id },
      { assigneeId: 'NOT_FOUND' },
    );
    await refused({ assigneeId: town.auditor.id }, { assigneeId: 'NOT_FOUND' });
    const early = input(c.id, town.agency.id, { dueDate: '2026-01-01' });
    expect(await failure(caller.cases.addIntervention(early), early)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { dueDate: 'before_start' },
    });
    expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe('a practitioner on the team', () => {
  /** A case with one intervention for the practitioner's agency and one for another agency. */
  async function twoAgencies(sections: ('summary' | 'plan')[]) {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const other = await makeAgency(db, town.town.id);
    const { caller: coord } = await callerFor(db, town.coordinator);
    const mine = await coord.cases.addIntervention(input(c.id, town.agency.id));
    const theirs = await coord.cases.addIntervention(input(c.id, other.id, { type: 'health', title: 'Health check' }));
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections, createdById: town.coordinator.id });
    const { caller } = await callerFor(db, town.practitioner);
    return { town, c, mine, theirs, caller, coord };
  }

  it("with {summary, plan} sees and updates only their own agency's interventions", async () => {
    const { town, c, mine, theirs, caller, coord } = await twoAgencies(['summary', 'plan']);
    const page = await caller.cases.get({ id: c.id });
    expect(page.sections).toEqual(['summary', 'plan', 'timeline']);
    expect(page.plan!.map((i) => i.id)).toEqual([mine.id]);
    expect(page.planAdd).toBeNull();

    const done = await caller.cases.updateIntervention({
      id: mine.id,
      version: 1,
      status: 'completed',
      outcome: 'Attended eight sessions.',
    });
    expect(done).toMatchObject({ status: 'completed', outcome: 'Attended eight sessions.' });
    await expect(caller.cases.updateIntervention({ id: theirs.id, version: 1, status: 'cancelled' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditCount(db, town.practitioner.id, 'case.intervention.update', 'denied')).toBe(1);
    expect(await db.intervention.findUniqueOrThrow({ where: { id: theirs.id }, select: { status: true } })).toEqual({ status: 'planned' });

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.practitioner.id, action: 'case.intervention.update', outcome: 'allowed' },
      select: { entityId: true, detail: true },
    });
    expect(audit).toEqual({ entityId: c.id, detail: { interventionId: mine.id, from: 'planned', to: 'completed', outcomeChanged: true } });
    const timeline = (await coord.cases.get({ id: c.id })).timeline;
    expect(timeline[0]).toMatchObject({ kind: 'intervention.update', data: { interventionId: mine.id, from: 'planned', to: 'completed' } });
  });

  it('without plan in the disclosure sees no plan and no intervention on the timeline, and cannot update', async () => {
    const { town, c, mine, caller } = await twoAgencies(['summary']);
    const page = await caller.cases.get({ id: c.id });
    expect(page.sections).toEqual(['summary', 'timeline']);
    expect(page.plan).toBeNull();
    expect(page.timeline.some((e) => e.kind.startsWith('intervention'))).toBe(false);
    await expect(caller.cases.updateIntervention({ id: mine.id, version: 1, status: 'active' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditCount(db, town.practitioner.id, 'case.intervention.update', 'denied')).toBe(1);
  });
});

describe('cases.updateIntervention', () => {
  it('lets the assignee and the coordinator update; the key worker who is not assignee is refused', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const assignee = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    await makeDisclosure(db, c, { userId: assignee.id, sections: ['plan'], createdById: town.coordinator.id });
    const { caller: coord } = await callerFor(db, town.coordinator);
    const i = await coord.cases.addIntervention(input(c.id, town.agency.id, { assigneeId: assignee.id }));
    const { caller: mine } = await callerFor(db, assignee);
    await expect(mine.cases.updateIntervention({ id: i.id, version: 1, status: 'active' })).resolves.toMatchObject({ status: 'active' });
    const { caller: kw } = await callerFor(db, town.socialWorker);
    await expect(kw.cases.updateIntervention({ id: i.id, version: 2, status: 'cancelled' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(db, town.socialWorker.id, 'case.intervention.update', 'denied')).toBe(1);
    await expect(coord.cases.updateIntervention({ id: i.id, version: 2, outcome: 'Reviewed at the panel.' })).resolves.toMatchObject({
      status: 'active',
      outcome: 'Reviewed at the panel.',
    });
    const { caller: auditor } = await callerFor(db, town.auditor);
    await expect(auditor.cases.updateIntervention({ id: i.id, version: 3, status: 'completed' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { caller: stranger } = await callerFor(db, (await makeTown(db)).coordinator);
    await expect(stranger.cases.updateIntervention({ id: i.id, version: 3, status: 'completed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await coord.cases.get({ id: c.id })).timeline.filter((e) => e.kind === 'intervention.update').map((e) => [e.data.from, e.data.to]),
    ).toEqual([
      ['active', 'active'],
      ['planned', 'active'],
    ]);
  });
});
