import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { day, makeIntervention, makeTask, remindersOf, sweepAt } from '../helpers/work-factories.js';
import { screeningOverdueFrom } from '../../src/jobs/due.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();

/** Friday 1 May 2026: factory cases opened on 15 January are due for review since 15 April (90 days). */
const AT = new Date('2026-05-01T10:00:00Z');

describe('the reminder sweep', () => {
  it('raises one reminder per due item of each kind, for the right people, and nothing about closed cases', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const coord2 = await makeUser(db, { municipalityId: m, role: 'coordinator' });
    const coordinators = [town.coordinator.id, coord2.id];
    const sw = town.socialWorker.id;
    const a = await makeCase(db, town); // key worker: the social worker
    const b = await makeCase(db, town, { keyWorkerId: null });
    const by = { createdById: town.coordinator.id, agencyId: town.agency.id };

    const assigned = await makeIntervention(db, a, { ...by, assigneeId: town.practitioner.id, dueDate: day('2026-04-20') });
    const unassigned = await makeIntervention(db, a, { ...by, dueDate: day('2026-04-21'), status: 'active' });
    await makeIntervention(db, a, { ...by, dueDate: day('2026-04-21'), status: 'completed' });
    await makeIntervention(db, a, { ...by, dueDate: day('2026-04-22'), status: 'cancelled' });
    await makeIntervention(db, a, { ...by, dueDate: day('2026-05-01') }); // due today: not yet past
    const task = await makeTask(db, a, { createdById: town.coordinator.id, assigneeId: sw, dueDate: day('2026-04-25') });
    await makeTask(db, a, { createdById: town.coordinator.id, assigneeId: sw, dueDate: day('2026-04-25'), doneAt: AT });
    const late = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, submittedAt: new Date('2026-04-20T08:00:00Z') });
    await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, submittedAt: new Date('2026-04-29T08:00:00Z') });
    const expiring = await makeDisclosure(db, a, {
      agencyId: town.agency.id,
      createdById: town.coordinator.id,
      expiresAt: new Date('2026-05-10T12:00:00Z'),
    });
    await makeDisclosure(db, a, {
      agencyId: town.agency.id,
      createdById: town.coordinator.id,
      expiresAt: new Date('2026-06-30T12:00:00Z'),
    });
    await makeDisclosure(db, a, {
      agencyId: town.agency.id,
      createdById: town.coordinator.id,
      expiresAt: new Date('2026-05-10T12:00:00Z'),
      revokedAt: AT,
    });

    // Closed cases: one whose follow-up is due, one not yet; everything else about them is silent.
    const followUp = await makeCase(db, town, { stage: 'closed' });
    await db.case.update({ where: { id: followUp.id }, data: { followUpAt: day('2026-04-30') } });
    const closed = await makeCase(db, town, { stage: 'closed' });
    await db.case.update({ where: { id: closed.id }, data: { followUpAt: day('2026-06-01'), nextReviewAt: day('2026-02-01') } });
    await makeIntervention(db, closed, { ...by, assigneeId: sw, dueDate: day('2026-02-01') });
    await makeTask(db, closed, { createdById: town.coordinator.id, assigneeId: sw, dueDate: day('2026-02-01') });
    await makeDisclosure(db, closed, {
      agencyId: town.agency.id,
      createdById: town.coordinator.id,
      expiresAt: new Date('2026-05-03T00:00:00Z'),
    });

    const first = await sweepAt(db, m, AT);
    const r = (userId: string, kind: string, entityType: string, entityId: string, caseId: string | null, dueAt: string) => ({
      userId,
      kind,
      entityType,
      entityId,
      caseId,
      dueAt,
      dismissedAt: null,
    });
    const expected = [
      r(sw, 'review_overdue', 'Case', a.id, a.id, '2026-04-15'),
      ...coordinators.map((u) => r(u, 'review_overdue', 'Case', b.id, b.id, '2026-04-15')),
      r(town.practitioner.id, 'intervention_overdue', 'Intervention', assigned.id, a.id, '2026-04-20'),
      r(sw, 'intervention_overdue', 'Intervention', unassigned.id, a.id, '2026-04-21'),
      r(sw, 'task_overdue', 'CaseTask', task.id, a.id, '2026-04-25'),
      ...coordinators.map((u) => r(u, 'screening_overdue', 'Referral', late.id, null, '2026-04-28')),
      ...coordinators.map((u) => r(u, 'disclosure_expiring', 'Disclosure', expiring.id, a.id, '2026-05-10')),
      ...[sw, ...coordinators].map((u) => r(u, 'follow_up_due', 'Case', followUp.id, followUp.id, '2026-04-30')),
    ];
    const sort = (rows: readonly object[]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(sort(await remindersOf(db, m))).toEqual(sort(expected));
    expect(first).toEqual({ created: expected.length, resolved: 0 });
    expect(await db.reminder.count({ where: { caseId: closed.id } })).toBe(0);
    // Sweeping again raises nothing new.
    expect(await sweepAt(db, m, new Date(AT.getTime() + 15 * 60_000))).toEqual({ created: 0, resolved: 0 });
    // The sweep is audited as the system, in the municipality's chain.
    expect(await db.auditEvent.count({ where: { municipalityId: m, action: 'reminder.sweep', actorId: null } })).toBe(1);
  });

  it('counts the screening deadline in working days', () => {
    // Submitted on Thursday 15 January with 5 working days: late from Friday 23 January (the 6th working day).
    expect(screeningOverdueFrom(new Date('2026-01-15T16:00:00Z'), 5).toISOString().slice(0, 10)).toBe('2026-01-23');
    expect(screeningOverdueFrom(new Date('2026-01-16T08:00:00Z'), 1).toISOString().slice(0, 10)).toBe('2026-01-20');
  });

  it('resolves reminders whose item is done, moves them when the key worker changes, and keeps a dismissal', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const c = await makeCase(db, town);
    const other = await makeUser(db, { municipalityId: m, role: 'social_worker' });
    const intervention = await makeIntervention(db, c, {
      createdById: town.coordinator.id,
      agencyId: town.agency.id,
      dueDate: day('2026-04-20'),
    });
    const task = await makeTask(db, c, { createdById: town.coordinator.id, assigneeId: town.socialWorker.id, dueDate: day('2026-04-20') });
    await sweepAt(db, m, AT);
    const open = async () =>
      (await remindersOf(db, m, { open: true })).map((x) => `${x.kind}:${x.userId === other.id ? 'other' : 'sw'}`).sort();
    expect(await open()).toEqual(['intervention_overdue:sw', 'review_overdue:sw', 'task_overdue:sw']);

    // A review recorded resolves its reminder at once; the next review is in the future.
    const clock = manualClock(AT);
    const { caller } = await callerFor(db, town.socialWorker, { clock });
    await caller.cases.recordReview({ caseId: c.id, note: 'Reviewed with the school' });
    expect(await open()).toEqual(['intervention_overdue:sw', 'task_overdue:sw']);

    // The intervention completed elsewhere: the next sweep resolves it.
    await db.intervention.update({ where: { id: intervention.id }, data: { status: 'completed' } });
    expect(await sweepAt(db, m, AT)).toEqual({ created: 0, resolved: 1 });
    expect(await open()).toEqual(['task_overdue:sw']);

    // The user dismisses the task's reminder: the sweep does not raise it again for that day.
    const reminder = await db.reminder.findFirstOrThrow({ where: { entityId: task.id }, select: { id: true } });
    await caller.work.dismiss({ id: reminder.id });
    expect(await sweepAt(db, m, AT)).toEqual({ created: 0, resolved: 0 });
    expect(await open()).toEqual([]);

    // A new key worker: the review (overdue again) now reaches them, not the former one.
    await db.case.update({ where: { id: c.id }, data: { keyWorkerId: other.id, nextReviewAt: day('2026-04-30') } });
    expect(await sweepAt(db, m, AT)).toEqual({ created: 1, resolved: 0 });
    expect(await open()).toEqual(['review_overdue:other']);
    await db.case.update({ where: { id: c.id }, data: { keyWorkerId: town.socialWorker.id } });
    expect(await sweepAt(db, m, AT)).toEqual({ created: 1, resolved: 1 });
    expect(await open()).toEqual(['review_overdue:sw']);
  });

  it('closing a case resolves its reminders; the follow-up then comes due; moving to follow-up resolves it', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const c = await makeCase(db, town, { stage: 'review' });
    await sweepAt(db, m, AT);
    expect((await remindersOf(db, m, { open: true })).map((x) => x.kind)).toEqual(['review_overdue']);
    const clock = manualClock(AT);
    const { caller } = await callerFor(db, town.coordinator, { clock });
    await caller.cases.close({ id: c.id, closureReason: 'risk_reduced', confirm: true, followUpMonths: 1 });
    expect(await remindersOf(db, m, { open: true })).toEqual([]);
    expect(await sweepAt(db, m, AT)).toEqual({ created: 0, resolved: 0 });
    const due = new Date('2026-06-01T08:00:00Z');
    expect(await sweepAt(db, m, due)).toEqual({ created: 2, resolved: 0 });
    expect((await remindersOf(db, m, { open: true })).map((x) => [x.kind, x.dueAt, x.userId === town.socialWorker.id])).toEqual([
      ['follow_up_due', '2026-06-01', expect.any(Boolean)],
      ['follow_up_due', '2026-06-01', expect.any(Boolean)],
    ]);
    const { caller: later } = await callerFor(db, town.coordinator, { clock: manualClock(due) });
    await later.cases.changeStage({ id: c.id, stage: 'follow_up', reason: 'One-month check done' });
    expect(await remindersOf(db, m, { open: true })).toEqual([]);
    expect(await sweepAt(db, m, due)).toEqual({ created: 0, resolved: 0 });
  });
});
