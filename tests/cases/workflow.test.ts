import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { caseEventsOf } from '../helpers/crypto.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import type { CaseStage } from '../../src/generated/prisma/enums.js';

const { db } = await testDb();

const events = (caseId: string, kind: string) => caseEventsOf(db, caseId, kind);

describe('stages', () => {
  it('move forward one step, from review back to planning or intervention, and record who and why', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.socialWorker);
    const path: CaseStage[] = ['assessment', 'planning', 'intervention', 'review', 'planning', 'intervention', 'review', 'intervention'];
    for (const stage of path)
      await expect(caller.cases.changeStage({ id: c.id, stage, reason: `To ${stage}` })).resolves.toEqual({ id: c.id, stage });
    const recorded = await events(c.id, 'stage');
    expect(recorded.map((e) => e.data)).toEqual(path.map((to, i) => ({ from: i === 0 ? 'intake' : path[i - 1], to, reason: `To ${to}` })));
    expect(new Set(recorded.map((e) => e.actorId))).toEqual(new Set([town.socialWorker.id]));
    expect(await auditCount(db, town.socialWorker.id, 'case.stage.change')).toBe(path.length);
  });

  it('refuse any other move with a clear error naming where the case may go', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const input = { id: c.id, stage: 'planning' as const, reason: 'Skipping ahead' };
    expect(await failure(caller.cases.changeStage(input), input)).toEqual({
      code: 'INVALID_TRANSITION',
      fields: { stage: 'INVALID_TRANSITION' },
      info: { from: 'intake', to: 'planning', allowed: 'assessment' },
    });
    // Closing has its own procedure, even from review.
    await db.case.update({ where: { id: c.id }, data: { stage: 'review' } });
    const close = { id: c.id, stage: 'closed' as const, reason: 'Done' };
    expect(await failure(caller.cases.changeStage(close), close)).toMatchObject({
      code: 'INVALID_TRANSITION',
      info: { allowed: 'planning,intervention' },
    });
    const noReason = { id: c.id, stage: 'planning' as const, reason: '' };
    expect(await failure(caller.cases.changeStage(noReason), noReason)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { reason: 'too_small' },
    });
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { stage: true } })).toEqual({ stage: 'review' });
    expect(await events(c.id, 'stage')).toEqual([]);
  });

  it('close (coordinator, with a reason), go to follow-up, and reopen to a new assessment', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'review' });
    const { caller } = await callerFor(db, town.coordinator);
    const { caller: keyWorker } = await callerFor(db, town.socialWorker);
    const close = { id: c.id, closureReason: 'risk_removed' as const, reason: 'Risk removed, partners agree', confirm: true };
    await expect(keyWorker.cases.close(close)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.cases.close(close)).resolves.toEqual({ id: c.id, stage: 'closed', followUpAt: null });
    expect(
      await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { closeReason: true, closureReason: true, closedAt: true } }),
    ).toMatchObject({ closeReason: expect.stringMatching(/^k1\./), closureReason: 'risk_removed' });
    expect((await caller.cases.get({ id: c.id })).summary?.closeReason).toBe('Risk removed, partners agree');
    expect(await failure(caller.cases.close({ ...close, reason: 'Again' }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      info: { from: 'closed' },
    });
    await expect(keyWorker.cases.changeStage({ id: c.id, stage: 'follow_up', reason: 'Six-month check' })).resolves.toMatchObject({
      stage: 'follow_up',
    });
    await expect(caller.cases.reopen({ id: c.id, reason: 'New concern from school' })).resolves.toEqual({ id: c.id, stage: 'assessment' });
    expect(await failure(caller.cases.reopen({ id: c.id, reason: 'Again' }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(
      await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { closeReason: true, closureReason: true, closedAt: true } }),
    ).toEqual({ closeReason: null, closureReason: null, closedAt: null });
    const timeline = (await caller.cases.get({ id: c.id })).timeline.map((e) => [e.kind, e.data.from, e.data.to, e.data.reason]);
    expect(timeline.slice(0, 3)).toEqual([
      ['reopen', 'follow_up', 'assessment', 'New concern from school'],
      ['stage', 'closed', 'follow_up', 'Six-month check'],
      ['close', 'review', 'closed', 'Risk removed, partners agree'],
    ]);
    expect(await auditCount(db, town.coordinator.id, 'case.close')).toBe(1);
    expect(await auditCount(db, town.coordinator.id, 'case.reopen')).toBe(1);
    expect(await auditCount(db, town.socialWorker.id, 'case.close', 'denied')).toBe(1);
  });
});

describe('assignment', () => {
  it('assigns, then transfers with the history kept; access follows the key worker', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: null });
    const m = town.town.id;
    const second = await makeUser(db, { municipalityId: m, role: 'social_worker' });
    const agency = await makeAgency(db, m);
    const { caller } = await callerFor(db, town.coordinator);
    await caller.cases.assign({ id: c.id, keyWorkerId: town.socialWorker.id, leadAgencyId: agency.id });
    const { caller: first } = await callerFor(db, town.socialWorker);
    await expect(first.cases.get({ id: c.id })).resolves.toMatchObject({
      keyWorker: { id: town.socialWorker.id },
      leadAgency: { id: agency.id },
    });

    const moved = await caller.cases.assign({ id: c.id, keyWorkerId: second.id, leadAgencyId: agency.id });
    expect(moved.keyWorker?.id).toBe(second.id);
    await expect(first.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await callerFor(db, second)).caller.cases.get({ id: c.id })).resolves.toBeDefined();

    expect((await events(c.id, 'assign')).map((e) => e.data)).toEqual([
      { role: 'keyWorker', from: null, to: town.socialWorker.id },
      { role: 'leadAgency', from: null, to: agency.id },
    ]);
    expect((await events(c.id, 'transfer')).map((e) => e.data)).toEqual([{ role: 'keyWorker', from: town.socialWorker.id, to: second.id }]);
    const audits = await db.auditEvent.findMany({
      where: { actorId: town.coordinator.id, action: 'case.assign' },
      select: { detail: true },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => a.detail)).toEqual([
      { keyWorker: { from: null, to: town.socialWorker.id, transfer: false }, leadAgency: { from: null, to: agency.id, transfer: false } },
      { keyWorker: { from: town.socialWorker.id, to: second.id, transfer: true } },
    ]);
  });

  it('refuses key workers and agencies that are not active social workers, coordinators or agencies of the municipality', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const m = town.town.id;
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const disabled = await makeUser(db, { municipalityId: m, role: 'social_worker', disabled: true });
    for (const keyWorkerId of [town.practitioner.id, town.auditor.id, disabled.id, elsewhere.socialWorker.id]) {
      const input = { id: c.id, keyWorkerId };
      expect(await failure(caller.cases.assign(input), input)).toMatchObject({ code: 'NOT_FOUND', fields: { keyWorkerId: 'NOT_FOUND' } });
    }
    for (const leadAgencyId of [(await makeAgency(db, m, { active: false })).id, elsewhere.agency.id]) {
      const input = { id: c.id, leadAgencyId };
      expect(await failure(caller.cases.assign(input), input)).toMatchObject({ code: 'NOT_FOUND', fields: { leadAgencyId: 'NOT_FOUND' } });
    }
    expect(await failure(caller.cases.assign({ id: c.id }), { id: c.id })).toMatchObject({ code: 'BAD_INPUT' });
    // A coordinator may be key worker.
    await expect(caller.cases.assign({ id: c.id, keyWorkerId: town.coordinator.id })).resolves.toMatchObject({
      keyWorker: { id: town.coordinator.id },
    });
    expect(await auditCount(db, town.coordinator.id, 'case.assign', 'denied')).toBe(6);
    const denial = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'case.assign', outcome: 'denied' },
      select: { entityType: true, detail: true },
    });
    expect(denial).toEqual({ entityType: 'User', detail: { code: 'NOT_FOUND' } });
  });
});

describe('the summary', () => {
  it('is stored encrypted, read back decrypted, and never written to the timeline or audit log', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const text = 'Synthetic summary: يتابع الدراسة ويحضر نادي الشباب.';
    const { caller } = await callerFor(db, town.socialWorker);
    await caller.cases.updateSummary({ id: c.id, version: 1, summary: text });
    const [raw] = await db.$queryRaw<{ summary: string }[]>`SELECT summary FROM case_record WHERE id = ${c.id}::uuid`;
    expect(raw!.summary).not.toContain('Synthetic');
    expect(raw!.summary).toMatch(/^k1\./);
    expect((await caller.cases.get({ id: c.id })).summary?.text).toBe(text);
    const [row] = await db.$queryRaw<{ leaks: bigint }[]>`
      SELECT (SELECT count(*) FROM case_event WHERE data::text LIKE '%Synthetic summary%')
           + (SELECT count(*) FROM audit_event WHERE detail::text LIKE '%Synthetic summary%') AS leaks`;
    expect(row!.leaks).toBe(0n);
    expect(await auditCount(db, town.socialWorker.id, 'case.summary.update')).toBe(1);
    await caller.cases.updateSummary({ id: c.id, version: 2, summary: '' });
    expect((await caller.cases.get({ id: c.id })).summary?.text).toBeNull();
  });
});
