import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { leaverWithWork } from './caseload-fixture.js';

const { db } = await testDb();

const state = async (id: string) => ({
  disabledAt: (await db.user.findUniqueOrThrow({ where: { id }, select: { disabledAt: true } })).disabledAt,
  sessions: await db.session.count({ where: { userId: id, endedAt: null } }),
});

describe('users.disable with work left', () => {
  it('is refused with what is left, and nothing changes: the account stays active and signed in', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    await callerFor(db, w.leaver);
    const { caller } = await callerFor(db, town.admin);
    const refused = await failure(caller.users.disable({ id: w.leaver.id }));
    expect(refused).toMatchObject({
      code: 'CASELOAD_LEFT',
      fields: { pickUpConfirmedBy: 'CASELOAD_LEFT' },
      info: { case: 1, intervention: 1, task: 1, invitation: 1, disclosure: 1 },
    });
    expect(await state(w.leaver.id)).toEqual({ disabledAt: null, sessions: 1 });
  });

  it('goes through when a coordinator of the town confirmed they will pick it up, and the event says who', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    const { caller } = await callerFor(db, town.admin);
    // Only an active coordinator of the same town confirms.
    const elsewhere = await makeTown(db);
    for (const who of [town.socialWorker.id, w.colleague.id, elsewhere.coordinator.id, town.admin.id]) {
      expect(await failure(caller.users.disable({ id: w.leaver.id, pickUpConfirmedBy: who }))).toMatchObject({
        code: 'BAD_INPUT',
        fields: { pickUpConfirmedBy: 'PICK_UP_NOT_COORDINATOR' },
      });
    }
    expect((await state(w.leaver.id)).disabledAt).toBeNull();
    await caller.users.disable({ id: w.leaver.id, pickUpConfirmedBy: town.coordinator.id });
    expect((await state(w.leaver.id)).disabledAt).toBeInstanceOf(Date);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'user.disable', entityId: w.leaver.id, outcome: 'allowed' },
      select: { actorId: true, detail: true },
    });
    expect(event.actorId).toBe(town.admin.id);
    expect(event.detail).toMatchObject({
      pickUpConfirmedBy: town.coordinator.id,
      caseloadLeft: { case: 1, intervention: 1, task: 1, invitation: 1, disclosure: 1 },
    });
    // The work is still there to hand over from the disabled account.
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    await coordinator.users.handover({ userId: w.leaver.id, toUserId: w.colleague.id });
    expect((await coordinator.users.caseload({ userId: w.leaver.id })).items).toEqual([]);
  });

  it('needs no confirmation once everything is handed over', async () => {
    const town = await makeTown(db);
    const w = await leaverWithWork(db, town);
    await (await callerFor(db, town.coordinator)).caller.users.handover({ userId: w.leaver.id, toUserId: town.coordinator.id });
    const { caller } = await callerFor(db, town.admin);
    await caller.users.disable({ id: w.leaver.id });
    expect((await state(w.leaver.id)).disabledAt).toBeInstanceOf(Date);
    // To a coordinator, the disclosure by name just ends: they see every case already.
    expect(await db.disclosure.count({ where: { caseId: w.other.id, userId: town.coordinator.id } })).toBe(0);
  });
});
