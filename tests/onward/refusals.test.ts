import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { DECLINE, onwardScene, SUMMARY } from './helpers.js';

const { db } = await testDb();

/** A town with a case, an onward referral of it sent by the coordinator to the town's agency, and callers. */
async function sentOne() {
  const town = await makeTown(db);
  const scene = await onwardScene(db, town);
  const coordinator = (await callerFor(db, town.coordinator)).caller;
  const sent = await coordinator.onward.send({ caseId: scene.c.id, agencyId: town.agency.id, summary: SUMMARY, shareName: true });
  const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user)).caller;
  return { town, ...scene, coordinator, sent, as };
}

const row = (id: string) =>
  db.onwardReferral.findUniqueOrThrow({
    where: { id },
    select: { status: true, answeredAt: true, declineReason: true, outcome: true, disclosureId: true, interventionId: true },
  });

describe('who may answer', () => {
  it("another agency's practitioner neither sees nor answers it: NOT_FOUND, audited, nothing changes", async () => {
    const { sent, otherPractitioner, as } = await sentOne();
    const other = await as(otherPractitioner);
    expect((await other.onward.inbox({})).items).toEqual([]);
    expect((await other.onward.inbox({ answered: true })).items).toEqual([]);
    for (const attempt of [
      () => other.onward.accept({ id: sent.id }),
      () => other.onward.decline({ id: sent.id, reason: DECLINE }),
      () => other.onward.recordOutcome({ id: sent.id, outcome: 'engaged' }),
    ])
      expect((await failure(attempt())).code).toBe('NOT_FOUND');
    expect(await row(sent.id)).toMatchObject({ status: 'sent', answeredAt: null });
    const denied = await db.auditEvent.findMany({
      where: { actorId: otherPractitioner.id, outcome: 'denied' },
      select: { action: true, entityType: true, entityId: true },
      orderBy: { id: 'asc' },
    });
    expect(denied).toEqual(
      ['onward.accept', 'onward.decline', 'onward.outcome'].map((action) => ({ action, entityType: 'OnwardReferral', entityId: sent.id })),
    );
  });

  it('a practitioner of a retired agency no longer reaches what was sent to it', async () => {
    const { town, sent, as } = await sentOne();
    await db.agency.update({ where: { id: town.agency.id }, data: { active: false } });
    expect((await failure((await as(town.practitioner)).onward.accept({ id: sent.id }))).code).toBe('NOT_FOUND');
  });

  it('the sender and other roles may not answer: FORBIDDEN by role, audited', async () => {
    const { town, sent, as } = await sentOne();
    for (const user of [town.coordinator, town.socialWorker, town.auditor, town.admin]) {
      const caller = await as(user);
      expect((await failure(caller.onward.accept({ id: sent.id }))).code, user.role).toBe('FORBIDDEN');
      expect((await failure(caller.onward.inbox({}))).code, user.role).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'onward.accept', 'denied')).toBe(1);
    }
    expect(await row(sent.id)).toMatchObject({ status: 'sent' });
  });

  it('another municipality reaches nothing, whatever ids it sends', async () => {
    const { town, c, sent } = await sentOne();
    const b = await makeTown(db);
    const theirs = (await callerFor(db, b.practitioner)).caller;
    expect((await failure(theirs.onward.accept({ id: sent.id }))).code).toBe('NOT_FOUND');
    expect((await theirs.onward.inbox({})).items).toEqual([]);
    const theirCoordinator = (await callerFor(db, b.coordinator)).caller;
    expect((await failure(theirCoordinator.onward.forCase({ caseId: c.id }))).code).toBe('NOT_FOUND');
    expect((await failure(theirCoordinator.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY }))).code).toBe(
      'NOT_FOUND',
    );
    // A's coordinator may not send to B's agency: the directory is the town's.
    const mine = (await callerFor(db, town.coordinator)).caller;
    expect(await failure(mine.onward.send({ caseId: c.id, agencyId: b.agency.id, summary: SUMMARY }))).toMatchObject({
      code: 'NOT_FOUND',
      fields: { agencyId: 'NOT_FOUND' },
    });
    expect(await db.onwardReferral.count({ where: { caseId: c.id } })).toBe(1);
  });

  it('crafted ids are NOT_FOUND, audited with the id asked for', async () => {
    const { town, as } = await sentOne();
    const crafted = randomUUID();
    const practitioner = await as(town.practitioner);
    expect((await failure(practitioner.onward.accept({ id: crafted }))).code).toBe('NOT_FOUND');
    expect((await failure((await as(town.coordinator)).onward.forCase({ caseId: crafted }))).code).toBe('NOT_FOUND');
    expect(
      (await failure((await as(town.coordinator)).onward.resend({ id: crafted, agencyId: town.agency.id, summary: SUMMARY }))).code,
    ).toBe('NOT_FOUND');
    expect(await db.auditEvent.count({ where: { entityId: crafted, outcome: 'denied' } })).toBe(3);
  });
});

describe('who may send', () => {
  it('a social worker who is not the key worker may not send or follow; a practitioner may not send', async () => {
    const { town, c, as } = await sentOne();
    const colleague = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const sw = await as(colleague);
    expect((await failure(sw.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY }))).code).toBe('NOT_FOUND');
    expect((await failure(sw.onward.forCase({ caseId: c.id }))).code).toBe('NOT_FOUND');
    const ap = await as(town.practitioner);
    expect((await failure(ap.onward.send({ caseId: c.id, agencyId: town.agency.id, summary: SUMMARY }))).code).toBe('FORBIDDEN');
    expect(await db.onwardReferral.count({ where: { caseId: c.id } })).toBe(1);
    expect(await auditCount(db, colleague.id, 'onward.send', 'denied')).toBe(1);
  });

  it('only the coordinator proposes a disclosure: the key worker is told, nothing is written', async () => {
    const { town, c, purposeId, as } = await sentOne();
    const keyWorker = await as(town.socialWorker);
    const attempt = keyWorker.onward.send({
      caseId: c.id,
      agencyId: town.agency.id,
      summary: SUMMARY,
      disclosure: { sections: ['plan'], purposeId, legalBasis: 'public_task', days: 30 },
    });
    expect(await failure(attempt)).toMatchObject({ code: 'BAD_INPUT', fields: { disclosure: 'coordinator_only' } });
    expect(await db.onwardReferral.count({ where: { caseId: c.id } })).toBe(1);
  });
});

describe('answers', () => {
  it('are given once: a second answer is ALREADY_ANSWERED and changes nothing', async () => {
    const { town, sent, as } = await sentOne();
    const practitioner = await as(town.practitioner);
    const colleague = await as(await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: town.agency.id }));
    await practitioner.onward.accept({ id: sent.id });
    const before = await row(sent.id);
    expect((await failure(colleague.onward.decline({ id: sent.id, reason: DECLINE }))).code).toBe('ALREADY_ANSWERED');
    expect((await failure(practitioner.onward.accept({ id: sent.id }))).code).toBe('ALREADY_ANSWERED');
    expect(await row(sent.id)).toEqual(before);
    // The outcome is recorded once too, and only after acceptance.
    await practitioner.onward.recordOutcome({ id: sent.id, outcome: 'did_not_engage' });
    expect((await failure(practitioner.onward.recordOutcome({ id: sent.id, outcome: 'engaged' }))).code).toBe('INVALID_TRANSITION');
    expect(await row(sent.id)).toMatchObject({ status: 'completed', outcome: 'did_not_engage' });
  });

  it('of two answers at the same moment, one wins', async () => {
    const { town, sent, as } = await sentOne();
    const colleague = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: town.agency.id });
    const results = await Promise.allSettled([
      (await as(town.practitioner)).onward.accept({ id: sent.id }),
      (await as(colleague)).onward.decline({ id: sent.id, reason: DECLINE }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: 'ALREADY_ANSWERED' } });
  });

  it('a decline without a reason is a translated field error and writes nothing', async () => {
    const { town, sent, as } = await sentOne();
    const practitioner = await as(town.practitioner);
    const events = await db.auditEvent.count();
    for (const reason of ['', '   ', 'too short']) {
      expect(await failure(practitioner.onward.decline({ id: sent.id, reason }), { id: sent.id, reason })).toMatchObject({
        code: 'BAD_INPUT',
        fields: { reason: reason.trim() === '' ? expect.stringMatching(/required|too_small/) : 'too_small' },
      });
    }
    expect(await failure(practitioner.onward.decline({ id: sent.id } as never), { id: sent.id })).toMatchObject({
      code: 'BAD_INPUT',
      fields: { reason: 'required' },
    });
    expect(await row(sent.id)).toMatchObject({ status: 'sent', declineReason: null, answeredAt: null });
    // This one's case only: other files of the worker share the database and decline theirs.
    expect(
      await db.caseEvent.count({ where: { caseId: sent.caseId!, kind: 'onward', data: { path: ['step'], equals: 'declined' } } }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'onward.decline', outcome: 'allowed', entityId: sent.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBeGreaterThanOrEqual(events);
  });

  it('only a declined one is sent again, and only once', async () => {
    const { town, sent, other, as, coordinator } = await sentOne();
    expect((await failure(coordinator.onward.resend({ id: sent.id, agencyId: other.id, summary: SUMMARY }))).code).toBe(
      'INVALID_TRANSITION',
    );
    await (await as(town.practitioner)).onward.decline({ id: sent.id, reason: DECLINE });
    await coordinator.onward.resend({ id: sent.id, agencyId: other.id, summary: SUMMARY });
    expect(await failure(coordinator.onward.resend({ id: sent.id, agencyId: other.id, summary: SUMMARY }))).toMatchObject({
      code: 'CONFLICT',
      fields: { id: 'ALREADY_RESENT' },
    });
    expect(await db.onwardReferral.count({ where: { resendOfId: sent.id } })).toBe(1);
  });
});
