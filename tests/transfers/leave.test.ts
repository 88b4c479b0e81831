import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { failure } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { verifyChain } from '../../src/audit/verify.js';
import { withFailingWrites } from '../helpers/faults.js';
import { transferScene, WORDS, type Scene, proposeWithConsent } from './helpers.js';

const { db, owner } = await testDb();

const DAY = 24 * 3600 * 1000;

/**
 * A's case as a transfer finds it: disclosed to A's partner agency (live) and, earlier, to a named
 * practitioner (revoked by hand), a planned intervention (from the scene) and a completed one, an open
 * task and a done one, and an open reminder.
 */
async function workingCase(s: Scene) {
  const purpose = await db.disclosurePurpose.findFirstOrThrow({
    where: { municipalityId: s.A.town.id, code: 'support_services' },
    select: { id: true },
  });
  const base = { caseId: s.c.id, purposeId: purpose.id, legalBasis: 'public_task' as const, expiresAt: new Date(Date.now() + 30 * DAY) };
  const live = await s.a.cases.disclose({ ...base, agencyId: s.A.agency.id, sections: ['plan', 'notes'] });
  const earlier = await s.a.cases.disclose({ ...base, userId: s.A.practitioner.id, sections: ['plan'] });
  await s.a.cases.revokeDisclosure({ id: earlier.id, reason: 'Synthetic: no longer needed by the practitioner.' });
  const done = await s.a.cases.addIntervention({
    caseId: s.c.id,
    type: 'education',
    title: 'Synthetic homework club',
    agencyId: s.A.agency.id,
  });
  await s.a.cases.updateIntervention({ id: done.id, status: 'completed', version: done.version });
  const task = (title: string, doneAt: Date | null) =>
    db.caseTask.create({
      data: {
        caseId: s.c.id,
        municipalityId: s.A.town.id,
        title,
        assigneeId: s.A.socialWorker.id,
        doneAt,
        createdById: s.A.coordinator.id,
        createdAt: new Date(),
      },
    });
  const openTask = await task('Synthetic: call the school', null);
  const doneTask = await task('Synthetic: visit the family', new Date(Date.now() - DAY));
  const reminder = await db.reminder.create({
    data: {
      municipalityId: s.A.town.id,
      userId: s.A.socialWorker.id,
      kind: 'task_overdue',
      entityType: 'CaseTask',
      entityId: openTask.id,
      caseId: s.c.id,
      dueAt: new Date('2026-01-05'),
      createdAt: new Date(),
    },
  });
  const proposal = await proposeWithConsent(s, ['summary', 'plan']);
  return { live, earlier, done, openTask, doneTask, reminder, proposal };
}

/** The case's interventions: the scene's planned mentoring first, then the completed education. */
const interventionsOf = (caseId: string) =>
  db.intervention.findMany({ where: { caseId }, select: { id: true, status: true, outcome: true }, orderBy: { type: 'asc' } });

describe('what an accepted transfer leaves behind in the sending city', () => {
  it('revokes the live disclosures, ends the open interventions and tasks, resolves reminders, all on A’s side', async () => {
    const s = await transferScene(db);
    const w = await workingCase(s);
    const partner = (await callerFor(db, s.A.practitioner)).caller;
    // Before: the partner agency's practitioner reads the case and its plan.
    expect((await partner.cases.get({ id: s.c.id })).id).toBe(s.c.id);
    const [planned, completed] = await interventionsOf(s.c.id);
    const completedBefore = await db.intervention.findUniqueOrThrow({ where: { id: completed!.id } });

    const accepted = await s.b.transfers.accept({ id: w.proposal.id, personId: null });

    // The partner can no longer read the case, its plan or its notes (a case out of reach: NOT_FOUND).
    for (const call of [
      () => partner.cases.get({ id: s.c.id }),
      () => partner.cases.notes({ caseId: s.c.id }),
      () => partner.cases.updateIntervention({ id: planned!.id, status: 'active', version: 1 }),
    ])
      expect((await failure(call())).code).toBe('NOT_FOUND');
    const disclosure = await db.disclosure.findUniqueOrThrow({ where: { id: w.live.id } });
    expect(disclosure).toMatchObject({ revokedById: s.B.coordinator.id, revokeReason: 'transferred' });
    expect(disclosure.revokedAt).not.toBeNull();
    // The one revoked by hand keeps its own revocation.
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: w.earlier.id } })).toMatchObject({ revokedById: s.A.coordinator.id });

    // The planned intervention ended as cancelled, with its history; the completed one is left as it was.
    const after = await interventionsOf(s.c.id);
    expect(after.map((i) => i.status)).toEqual(['cancelled', 'completed']);
    expect(await db.intervention.findUniqueOrThrow({ where: { id: completed!.id } })).toEqual(completedBefore);
    const history = await db.fieldChange.findMany({ where: { entityId: planned!.id } });
    expect(history.map((h) => [h.field, h.actorId, h.municipalityId])).toEqual([['status', s.B.coordinator.id, s.A.town.id]]);
    // The open task is done; the one done before keeps its day; the reminder is resolved.
    expect((await db.caseTask.findUniqueOrThrow({ where: { id: w.openTask.id } })).doneAt).not.toBeNull();
    expect(await db.caseTask.findUniqueOrThrow({ where: { id: w.doneTask.id } })).toMatchObject({ doneAt: w.doneTask.doneAt });
    expect((await db.reminder.findUniqueOrThrow({ where: { id: w.reminder.id } })).dismissedAt).not.toBeNull();
    const sw = (await callerFor(db, s.A.socialWorker)).caller;
    const work = await sw.work.mine();
    expect(JSON.stringify(work)).not.toContain(w.openTask.id);

    // A's timeline says what ended and why; B's new case has none of it.
    const kinds = async (caseId: string) =>
      (await db.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => [
        e.kind,
        (e.data as { ended?: string }).ended,
      ]);
    expect(await kinds(s.c.id)).toEqual(
      expect.arrayContaining([
        ['revoke', 'transferred'],
        ['intervention.update', 'transferred'],
        ['task.done', 'transferred'],
      ]),
    );
    expect((await kinds(s.c.id)).filter(([, ended]) => ended === 'transferred')).toHaveLength(3);
    expect((await kinds(accepted.caseId)).map(([k]) => k)).not.toEqual(expect.arrayContaining(['revoke']));
    // A's coordinator sees the disclosure revoked, and the timeline's entries, with the code the page translates.
    const page = await s.a.cases.get({ id: s.c.id });
    expect(page.team!.find((d) => d.id === w.live.id)).toMatchObject({ status: 'revoked', revokeReason: 'transferred' });
    for (const kind of ['revoke', 'intervention.update', 'task.done'])
      expect(page.timeline.find((e) => e.kind === kind)?.data, kind).toMatchObject({ ended: 'transferred' });

    // Audited on A's chain, by B's coordinator acting from B; nothing of it on B's chain; both chains verify.
    const events = await db.auditEvent.findMany({
      where: { entityId: { in: [w.live.id, planned!.id, w.openTask.id] }, outcome: 'allowed', actorId: s.B.coordinator.id },
      select: { action: true, chain: true, entityId: true, detail: true, purpose: true },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.action, e.entityId, e.chain])).toEqual([
      ['case.disclosure.revoke', w.live.id, s.A.town.id],
      ['case.intervention.update', planned!.id, s.A.town.id],
      ['work.task.complete', w.openTask.id, s.A.town.id],
    ]);
    for (const e of events)
      expect(e.detail).toMatchObject({
        caseId: s.c.id,
        transferId: w.proposal.id,
        actingMunicipalityId: s.B.town.id,
        ended: 'transferred',
      });
    expect(events[0]!.purpose).toBe('support_services');
    const accept = await db.auditEvent.findFirstOrThrow({ where: { entityId: w.proposal.id, action: 'transfer.outgoing.accepted' } });
    expect(accept.detail).toMatchObject({ revoked: 1, cancelled: 1, tasksDone: 1 });
    for (const town of [s.A, s.B]) expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
    // No words crossed: B's side holds none of A's disclosure or task.
    const inB = JSON.stringify(await db.auditEvent.findMany({ where: { chain: s.B.town.id }, select: { detail: true, entityId: true } }));
    for (const id of [w.live.id, w.openTask.id]) expect(inB).not.toContain(id);
    expect(inB).not.toContain(WORDS.intervention);
  });

  it('a failure half-way (after the revocations) rolls the whole acceptance back', async () => {
    const s = await transferScene(db);
    const w = await workingCase(s);
    const casesInB = await db.case.count({ where: { municipalityId: s.B.town.id } });
    const eventsOf = () => db.auditEvent.count({ where: { entityId: { in: [w.live.id, w.proposal.id] }, actorId: s.B.coordinator.id } });
    const before = await eventsOf();
    // As the owner could: make the update of this case's interventions fail, so the acceptance breaks after the revocations.
    await withFailingWrites(owner, { op: 'UPDATE', table: 'intervention', column: 'case_id', value: s.c.id }, async () =>
      expect((await failure(s.b.transfers.accept({ id: w.proposal.id, personId: null }))).code).toBe('INTERNAL'),
    );
    // Nothing stayed: the disclosure is live, the plan, task and reminder as they were, no case opened, A's still open.
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: w.live.id } })).toMatchObject({ revokedAt: null, revokeReason: null });
    expect((await interventionsOf(s.c.id)).map((i) => i.status)).toEqual(['planned', 'completed']);
    expect(await db.caseTask.findUniqueOrThrow({ where: { id: w.openTask.id } })).toMatchObject({ doneAt: null });
    expect(await db.reminder.findUniqueOrThrow({ where: { id: w.reminder.id } })).toMatchObject({ dismissedAt: null });
    expect(await db.caseTransfer.findUniqueOrThrow({ where: { id: w.proposal.id } })).toMatchObject({ status: 'proposed' });
    expect(await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).toMatchObject({ stage: 'planning', closureReason: null });
    expect(await db.case.count({ where: { municipalityId: s.B.town.id } })).toBe(casesInB);
    expect(await db.caseEvent.count({ where: { caseId: s.c.id, kind: { in: ['revoke', 'close'] }, actorId: s.B.coordinator.id } })).toBe(0);
    expect(await eventsOf()).toBe(before);
    const partner = (await callerFor(db, s.A.practitioner)).caller;
    expect((await partner.cases.get({ id: s.c.id })).id).toBe(s.c.id);
    // With the fault gone, the same acceptance goes through.
    await s.b.transfers.accept({ id: w.proposal.id, personId: null });
    expect((await failure(partner.cases.get({ id: s.c.id }))).code).toBe('NOT_FOUND');
    for (const town of [s.A, s.B]) expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });
});
