import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { makeTask } from '../helpers/work-factories.js';
import { assignments, leaverWithWork } from './caseload-fixture.js';
import { purposeWordsAad } from '../../src/modules/cases/purpose-bans.js';
import { recordKeysOf } from '../../src/crypto/envelope.js';

const { db } = await testDb();
const ALL = { case: 1, intervention: 1, task: 1, invitation: 1, disclosure: 1 };
const NONE = { case: 0, intervention: 0, task: 0, invitation: 0, disclosure: 0 };

const eventsOf = (municipalityId: string, action: string) =>
  db.auditEvent.findMany({
    where: { municipalityId, action },
    select: { outcome: true, actorId: true, entityId: true, detail: true },
    orderBy: { seq: 'asc' },
  });

describe('users.caseload', () => {
  it('shows an admin and a coordinator what is assigned to an account: counts, references, no case content', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    for (const who of [town.admin, town.coordinator]) {
      const { caller } = await callerFor(db, who);
      const load = await caller.users.caseload({ userId: w.leaver.id });
      expect(load.counts).toEqual(ALL);
      expect(load.items.map((i) => [i.kind, i.id]).sort()).toEqual(
        [
          ['case', w.c.id],
          ['intervention', w.intervention.id],
          ['task', w.task.id],
          ['invitation', w.invitation.id],
          ['disclosure', w.disclosure.id],
        ].sort(),
      );
      expect(load.items.find((i) => i.kind === 'disclosure')).toMatchObject({ caseId: w.other.id, caseReference: w.other.reference });
      expect(load.items.find((i) => i.kind === 'intervention')).toMatchObject({ agencyId: town.agency.id, caseReference: w.c.reference });
      // No titles, types, purposes or summaries: an admin reads this too.
      expect(JSON.stringify(load)).not.toMatch(/Synthetic|title|purpose|summary/);
      // Colleagues who work cases, active, not the leaver: never the admin or the auditor.
      const receivers = load.receivers.map((r) => r.id);
      expect(receivers).toEqual(expect.arrayContaining([town.coordinator.id, town.practitioner.id, w.colleague.id]));
      expect(receivers).not.toContain(w.leaver.id);
      expect(receivers).not.toContain(town.admin.id);
      expect(receivers).not.toContain(town.auditor.id);
    }
    const events = await eventsOf(town.town.id, 'user.caseload');
    expect(events.map((e) => [e.outcome, e.actorId, e.entityId])).toEqual([
      ['allowed', town.admin.id, w.leaver.id],
      ['allowed', town.coordinator.id, w.leaver.id],
    ]);
    expect((events[0]!.detail as { touched: { Case: string[] } }).touched.Case.sort()).toEqual([w.c.id, w.other.id].sort());
  });

  it('is refused to other roles, to another town and for an id that exists nowhere, and the refusal is audited', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const w = await leaverWithWork(db, town);
    for (const who of [town.socialWorker, town.practitioner, town.auditor]) {
      const { caller } = await callerFor(db, who);
      await expect(caller.users.caseload({ userId: w.leaver.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const who of [elsewhere.admin, elsewhere.coordinator]) {
      const { caller } = await callerFor(db, who);
      await expect(caller.users.caseload({ userId: w.leaver.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const { caller } = await callerFor(db, town.coordinator);
    await expect(caller.users.caseload({ userId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const denied = await db.auditEvent.count({ where: { action: 'user.caseload', outcome: 'denied', entityId: w.leaver.id } });
    expect(denied).toBe(5);
  });
});

describe('users.handover', () => {
  it('moves everything to one colleague in one event naming both accounts, with a timeline entry on each case', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const answer = await caller.users.handover({ userId: w.leaver.id, toUserId: w.colleague.id });
    expect(answer.moved).toEqual(ALL);
    const now = await assignments(db, w);
    expect(now).toMatchObject({ case: w.colleague.id, intervention: w.colleague.id, task: w.colleague.id, invitation: w.colleague.id });
    expect(now.disclosure.revokedAt).toBeInstanceOf(Date);
    // The same grant, to the colleague.
    const grant = await db.disclosure.findFirstOrThrow({ where: { caseId: w.other.id, userId: w.colleague.id, revokedAt: null } });
    expect(grant).toMatchObject({
      sections: ['summary'],
      purposeId: (await db.disclosure.findUniqueOrThrow({ where: { id: w.disclosure.id } })).purposeId,
      legalBasis: 'public_task',
    });
    // Its purpose's words, encrypted again for the new row (they are bound to their row).
    expect(await recordKeysOf({ keyring: testKeyring }).open(db, purposeWordsAad(grant.id), grant.purpose!)).toBe('Synthetic purpose');
    expect((await caller.users.caseload({ userId: w.leaver.id })).counts).toEqual(NONE);

    const [event] = await eventsOf(town.town.id, 'user.handover');
    expect(event).toMatchObject({ outcome: 'allowed', actorId: town.coordinator.id, entityId: w.leaver.id });
    expect(event!.detail).toMatchObject({
      fromUserId: w.leaver.id,
      toUserId: w.colleague.id,
      items: {
        case: [w.c.id],
        intervention: [w.intervention.id],
        task: [w.task.id],
        invitation: [w.invitation.id],
        disclosure: [w.disclosure.id],
      },
      newDisclosureIds: [grant.id],
    });
    const entries = await db.caseEvent.findMany({ where: { kind: 'handover' }, select: { caseId: true, data: true } });
    expect(entries.map((e) => e.caseId).sort()).toEqual([w.c.id, w.other.id].sort());
    expect(entries.find((e) => e.caseId === w.c.id)!.data).toMatchObject({
      from: w.leaver.id,
      to: w.colleague.id,
      keyWorker: true,
      interventionIds: [w.intervention.id],
      taskIds: [w.task.id],
    });
  });

  it('hands items over one by one: a task to a practitioner, the intervention to a practitioner of its agency', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const { caller } = await callerFor(db, town.admin);
    await caller.users.handover({ userId: w.leaver.id, toUserId: town.practitioner.id, items: [{ kind: 'task', id: w.task.id }] });
    await caller.users.handover({
      userId: w.leaver.id,
      toUserId: town.practitioner.id,
      items: [{ kind: 'intervention', id: w.intervention.id }],
    });
    const now = await assignments(db, w);
    expect(now).toMatchObject({ task: town.practitioner.id, intervention: town.practitioner.id, case: w.leaver.id });
    expect((await caller.users.caseload({ userId: w.leaver.id })).counts).toEqual({ ...ALL, task: 0, intervention: 0 });
  });

  it('refuses an ineligible, disabled, absent or foreign receiver and crafted items, and moves nothing', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const before = await assignments(db, w);
    const { caller } = await callerFor(db, town.coordinator);
    const hand = (toUserId: string, items?: { kind: 'task' | 'case' | 'intervention'; id: string }[]) =>
      failure(caller.users.handover({ userId: w.leaver.id, toUserId, items }));

    const otherAgency = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: w.otherAgency.id });
    const refused = await hand(otherAgency.id);
    expect(refused).toMatchObject({ code: 'HANDOVER_REFUSED', fields: { toUserId: 'HANDOVER_INELIGIBLE' } });
    expect(String(refused.info?.kinds).split(',').sort()).toEqual(['case', 'intervention']);
    expect(await hand(town.practitioner.id, [{ kind: 'case', id: w.c.id }])).toMatchObject({ fields: { toUserId: 'HANDOVER_INELIGIBLE' } });
    const gone = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker', disabled: true });
    expect(await hand(gone.id)).toMatchObject({ code: 'HANDOVER_REFUSED', fields: { toUserId: 'HANDOVER_RECEIVER_DISABLED' } });
    expect(await hand(w.leaver.id)).toMatchObject({ code: 'HANDOVER_REFUSED', fields: { toUserId: 'HANDOVER_SAME_USER' } });
    expect(await hand(elsewhere.socialWorker.id)).toMatchObject({ code: 'NOT_FOUND', fields: { toUserId: 'NOT_FOUND' } });
    expect(await hand(randomUUID())).toMatchObject({ code: 'NOT_FOUND', fields: { toUserId: 'NOT_FOUND' } });
    // Someone else's task, and the leaver's task named as another kind: not theirs to hand over.
    const notTheirs = await makeTask(db, w.c, { createdById: town.coordinator.id, assigneeId: w.colleague.id });
    expect(await hand(w.colleague.id, [{ kind: 'task', id: notTheirs.id }])).toMatchObject({
      code: 'NOT_FOUND',
      fields: { 'items.0': 'NOT_FOUND' },
    });
    expect(await hand(w.colleague.id, [{ kind: 'case', id: w.task.id }])).toMatchObject({ code: 'NOT_FOUND' });
    expect(await assignments(db, w)).toEqual(before);
    expect(await db.caseEvent.count({ where: { kind: 'handover', caseId: { in: [w.c.id, w.other.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'user.handover', outcome: 'allowed', municipalityId: town.town.id } })).toBe(0);
  });

  it('is refused to other roles and to another town', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const before = await assignments(db, w);
    const input = { userId: w.leaver.id, toUserId: w.colleague.id };
    for (const who of [town.socialWorker, town.practitioner, town.auditor]) {
      await expect((await callerFor(db, who)).caller.users.handover(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const who of [elsewhere.admin, elsewhere.coordinator]) {
      await expect((await callerFor(db, who)).caller.users.handover(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await assignments(db, w)).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: 'user.handover', outcome: 'denied', entityId: w.leaver.id } })).toBe(5);
  });
});
