import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { day, makeIntervention, makeTask, sweepAt } from '../helpers/work-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();
const AT = new Date('2026-05-01T10:00:00Z');
const caller = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user, { clock: manualClock(AT) })).caller;
type Outcome = 'ok' | 'NOT_FOUND' | 'FORBIDDEN';
const outcome = (call: Promise<unknown>): Promise<Outcome> =>
  call.then(
    () => 'ok' as const,
    (e: { code: string }) => e.code as Outcome,
  );

/** A town with one case (key worker: the social worker), a team member, a practitioner whose disclosure expired, and another town. */
async function world() {
  const town = await makeTown(db);
  const m = town.town.id;
  const c = await makeCase(db, town, { stage: 'intervention' });
  const teamSw = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const unrelatedSw = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const expired = await makeUser(db, { municipalityId: m, role: 'agency_practitioner', agencyId: (await makeAgency(db, m)).id });
  await makeDisclosure(db, c, { userId: teamSw.id, createdById: town.coordinator.id, expiresAt: new Date('2026-06-01T00:00:00Z') });
  await makeDisclosure(db, c, {
    agencyId: town.agency.id,
    createdById: town.coordinator.id,
    expiresAt: new Date('2026-06-01T00:00:00Z'),
    sections: ['plan'],
  });
  await makeDisclosure(db, c, { userId: expired.id, createdById: town.coordinator.id, expiresAt: new Date('2026-04-01T00:00:00Z') });
  const elsewhere = await makeTown(db);
  return { town, c, teamSw, unrelatedSw, expired, elsewhere };
}

describe('access to the new procedures, by role and municipality; refusals audited', () => {
  it('cases.recordReview: coordinator and key worker only', async () => {
    const w = await world();
    const actors: [string, { id: string; municipalityId: string }, Outcome][] = [
      ['coordinator', w.town.coordinator, 'ok'],
      ['key worker', w.town.socialWorker, 'ok'],
      ['social worker on the team', w.teamSw, 'NOT_FOUND'],
      ['unrelated social worker', w.unrelatedSw, 'NOT_FOUND'],
      ['practitioner with a disclosure', w.town.practitioner, 'FORBIDDEN'],
      ['coordinator of another municipality', w.elsewhere.coordinator, 'NOT_FOUND'],
      ['auditor', w.town.auditor, 'FORBIDDEN'],
      ['admin', w.town.admin, 'FORBIDDEN'],
    ];
    for (const [name, user, expected] of actors) {
      expect(await outcome((await caller(user)).cases.recordReview({ caseId: w.c.id })), name).toBe(expected);
      expect(await auditCount(db, user.id, 'case.review', expected === 'ok' ? 'allowed' : 'denied'), name).toBe(1);
    }
  });

  it('work.mine: each case worker sees only their own items, about cases they can still read; auditors and admins are refused', async () => {
    const w = await world();
    const m = w.town.town.id;
    const by = { createdById: w.town.coordinator.id, agencyId: w.town.agency.id };
    const i1 = await makeIntervention(db, w.c, { ...by, assigneeId: w.town.practitioner.id, dueDate: day('2026-04-20') });
    await makeIntervention(db, w.c, { ...by, assigneeId: w.expired.id, dueDate: day('2026-04-20') });
    const task = await makeTask(db, w.c, {
      createdById: w.town.coordinator.id,
      assigneeId: w.town.socialWorker.id,
      dueDate: day('2026-04-28'),
    });
    const later = await makeTask(db, w.c, {
      createdById: w.town.coordinator.id,
      assigneeId: w.town.socialWorker.id,
      dueDate: day('2026-05-20'),
    });
    await sweepAt(db, m, AT);

    const sw = await (await caller(w.town.socialWorker)).work.mine();
    expect(sw.now.map((i) => [i.kind, i.dueAt?.toISOString().slice(0, 10), i.case?.reference, i.task?.id ?? null])).toEqual([
      ['task_overdue', '2026-04-28', w.c.reference, task.id],
      ['review_overdue', '2026-04-15', w.c.reference, null],
    ]);
    expect(sw.upcoming.map((i) => [i.kind, i.task?.id])).toEqual([['task', later.id]]);
    const practitioner = await (await caller(w.town.practitioner)).work.mine();
    expect(practitioner.now.map((i) => [i.kind, i.case?.id])).toEqual([['intervention_overdue', w.c.id]]);
    expect(await db.reminder.count({ where: { userId: w.expired.id, entityId: { not: i1.id } } })).toBe(1);
    // The reminder exists, but the practitioner's disclosure has expired: not shown.
    expect(await (await caller(w.expired)).work.mine()).toEqual({ now: [], upcoming: [] });
    expect((await (await caller(w.unrelatedSw)).work.mine()).now).toEqual([]);
    expect((await (await caller(w.elsewhere.coordinator)).work.mine()).now).toEqual([]);
    for (const user of [w.town.auditor, w.town.admin]) {
      expect(await outcome((await caller(user)).work.mine())).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'work.mine', 'denied')).toBe(1);
    }
    const shown = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.town.socialWorker.id, action: 'work.mine' },
      select: { detail: true },
    });
    expect(shown.detail).toMatchObject({ count: 3, touched: { Case: [w.c.id] } });
  });

  it("work.dismiss: only the user's own reminder", async () => {
    const w = await world();
    await sweepAt(db, w.town.town.id, AT);
    const mine = await db.reminder.findFirstOrThrow({ where: { userId: w.town.socialWorker.id }, select: { id: true } });
    const actors: [{ id: string; municipalityId: string }, Outcome][] = [
      [w.town.coordinator, 'NOT_FOUND'],
      [w.teamSw, 'NOT_FOUND'],
      [w.town.practitioner, 'NOT_FOUND'],
      [w.elsewhere.coordinator, 'NOT_FOUND'],
      [w.town.auditor, 'FORBIDDEN'],
      [w.town.admin, 'FORBIDDEN'],
      [w.town.socialWorker, 'ok'],
    ];
    for (const [user, expected] of actors) {
      expect(await outcome((await caller(user)).work.dismiss({ id: mine.id })), user.id).toBe(expected);
      expect(await auditCount(db, user.id, 'work.reminder.dismiss', expected === 'ok' ? 'allowed' : 'denied')).toBe(1);
    }
    expect(await db.reminder.findUniqueOrThrow({ where: { id: mine.id }, select: { dismissedAt: true } })).toEqual({ dismissedAt: AT });
  });

  it('work.completeTask: the assignee while they can read the case, or the coordinator', async () => {
    const w = await world();
    const t = (assigneeId: string) => makeTask(db, w.c, { createdById: w.town.coordinator.id, assigneeId, dueDate: day('2026-04-20') });
    const own = await t(w.town.socialWorker.id);
    const expiredOwn = await t(w.expired.id);
    const forCoordinator = await t(w.teamSw.id);
    const actors: [{ id: string; municipalityId: string }, string, Outcome][] = [
      [w.teamSw, own.id, 'NOT_FOUND'],
      [w.town.practitioner, own.id, 'NOT_FOUND'],
      [w.expired, expiredOwn.id, 'NOT_FOUND'],
      [w.elsewhere.coordinator, own.id, 'NOT_FOUND'],
      [w.town.auditor, own.id, 'FORBIDDEN'],
      [w.town.admin, own.id, 'FORBIDDEN'],
      [w.town.socialWorker, own.id, 'ok'],
      [w.town.coordinator, forCoordinator.id, 'ok'],
    ];
    for (const [user, id, expected] of actors) {
      expect(await outcome((await caller(user)).work.completeTask({ id })), user.id).toBe(expected);
      expect(await auditCount(db, user.id, 'work.task.complete', expected === 'ok' ? 'allowed' : 'denied')).toBe(1);
    }
    expect(await failure((await caller(w.town.socialWorker)).work.completeTask({ id: own.id }))).toMatchObject({ code: 'CONFLICT' });
    const timeline = await db.caseEvent.findMany({
      where: { caseId: w.c.id, kind: 'task.done' },
      select: { actorId: true, data: true },
      orderBy: { id: 'asc' },
    });
    expect(timeline).toEqual([
      { actorId: w.town.socialWorker.id, data: { taskId: own.id } },
      { actorId: w.town.coordinator.id, data: { taskId: forCoordinator.id } },
    ]);
  });

  it('work.settings / work.updateSettings: the admin of the municipality only, validated and audited', async () => {
    const w = await world();
    for (const user of [w.town.coordinator, w.town.socialWorker, w.town.practitioner, w.town.auditor]) {
      const c = await caller(user);
      expect(await outcome(c.work.settings())).toBe('FORBIDDEN');
      expect(await outcome(c.work.updateSettings({ reviewIntervalDays: 30 }))).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'settings.read', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'settings.update', 'denied')).toBe(1);
    }
    const admin = await caller(w.town.admin);
    expect(await admin.work.settings()).toEqual({
      reviewIntervalDays: 90,
      screeningSlaDays: 5,
      breakGlassMinutes: 60,
      draftDays: 7,
      onwardAnswerDays: 5,
    });
    expect(
      await admin.work.updateSettings({
        reviewIntervalDays: 60,
        screeningSlaDays: 3,
        breakGlassMinutes: 30,
        draftDays: 3,
        onwardAnswerDays: 8,
      }),
    ).toEqual({
      reviewIntervalDays: 60,
      screeningSlaDays: 3,
      breakGlassMinutes: 30,
      draftDays: 3,
      onwardAnswerDays: 8,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.town.admin.id, action: 'settings.update' },
      select: { entityId: true, detail: true },
    });
    expect(event).toEqual({
      entityId: w.town.town.id,
      detail: {
        before: { reviewIntervalDays: 90, screeningSlaDays: 5, breakGlassMinutes: 60, draftDays: 7, onwardAnswerDays: 5 },
        after: { reviewIntervalDays: 60, screeningSlaDays: 3, breakGlassMinutes: 30, draftDays: 3, onwardAnswerDays: 8 },
      },
    });
    const invalid: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { reviewIntervalDays: 'required' }],
      [{ reviewIntervalDays: 6 }, { reviewIntervalDays: 'too_small' }],
      [{ reviewIntervalDays: 731 }, { reviewIntervalDays: 'too_big' }],
      [{ reviewIntervalDays: 30.5 }, { reviewIntervalDays: 'invalid_type' }],
      [{ screeningSlaDays: 0 }, { screeningSlaDays: 'too_small' }],
      [{ screeningSlaDays: 61 }, { screeningSlaDays: 'too_big' }],
      [{ breakGlassMinutes: 4 }, { breakGlassMinutes: 'too_small' }],
      [{ breakGlassMinutes: 241 }, { breakGlassMinutes: 'too_big' }],
      [{ draftDays: 0 }, { draftDays: 'too_small' }],
      [{ draftDays: 91 }, { draftDays: 'too_big' }],
      [{ onwardAnswerDays: 0 }, { onwardAnswerDays: 'too_small' }],
      [{ onwardAnswerDays: 31 }, { onwardAnswerDays: 'too_big' }],
    ];
    for (const [input, fields] of invalid) {
      expect(await failure(admin.work.updateSettings(input as never), input), JSON.stringify(input)).toMatchObject({
        code: 'BAD_INPUT',
        fields,
      });
    }
    // The other municipality is untouched, and its admin sees only their own.
    expect(await (await caller(w.elsewhere.admin)).work.settings()).toEqual({
      reviewIntervalDays: 90,
      screeningSlaDays: 5,
      breakGlassMinutes: 60,
      draftDays: 7,
      onwardAnswerDays: 5,
    });
    // A new case now opens with the new interval.
    const c = await makeCase(db, w.town);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { nextReviewAt: true } })).nextReviewAt).toEqual(
      new Date('2026-03-16T00:00:00Z'),
    );
  });
});
