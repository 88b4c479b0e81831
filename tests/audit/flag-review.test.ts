import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { evaluateMunicipality } from '../../src/modules/audit/rules/run.js';

const { db } = await testDb();
const NOON = new Date('2026-01-15T09:00:00Z');

/** A town whose social worker was refused 11 times in a few minutes: one repeated_denials flag. */
async function flaggedTown() {
  const town = await makeTown(db);
  const sw = town.socialWorker;
  const trail = new AuditTrail(
    { municipalityId: town.town.id, actorId: sw.id, actorRole: 'social_worker', requestId: 't', ip: null },
    () => NOON,
  );
  for (let i = 0; i < 11; i++) trail.record({ action: 'case.read', entityType: 'Case', entityId: randomUUID(), outcome: 'denied' });
  await trail.flush(db);
  await evaluateMunicipality(db, town.town.id, { clock: () => NOON });
  const flag = await db.auditFlag.findFirstOrThrow({ where: { municipalityId: town.town.id }, select: { id: true } });
  return { ...town, flag };
}

describe('auditors review flags', () => {
  it('the auditor lists and opens a flag with the events that raised it, and reviews it with a note kept encrypted', async () => {
    const town = await flaggedTown();
    const { caller } = await callerFor(db, town.auditor);
    const list = await caller.audit.flags({});
    expect(list.items.map((f) => [f.id, f.kind, f.status, f.events, f.subjectUser?.id])).toEqual([
      [town.flag.id, 'repeated_denials', 'open', 11, town.socialWorker.id],
    ]);
    const opened = await caller.audit.flag({ id: town.flag.id });
    expect(opened.raisedBy).toHaveLength(11);
    expect(opened.raisedBy.every((e) => e.outcome === 'denied' && e.actorId === town.socialWorker.id)).toBe(true);
    expect(opened.raisedBy[0]).not.toHaveProperty('id');
    expect(opened.note).toBeNull();

    expect(await failure(caller.audit.reviewFlag({ id: town.flag.id, status: 'reviewed', note: '   ' }))).toMatchObject({
      code: 'BAD_INPUT',
      fields: { note: 'too_small' },
    });
    const note = 'Asked the worker: a wrong search filter, fixed.';
    await caller.audit.reviewFlag({ id: town.flag.id, status: 'reviewed', note });
    const stored = await db.auditFlag.findUniqueOrThrow({
      where: { id: town.flag.id },
      select: { status: true, reviewNote: true, reviewedById: true },
    });
    expect(stored).toMatchObject({ status: 'reviewed', reviewedById: town.auditor.id });
    expect(stored.reviewNote).not.toContain('wrong search');
    expect(await caller.audit.flag({ id: town.flag.id })).toMatchObject({ status: 'reviewed', note, reviewedBy: { id: town.auditor.id } });
    // Reviewed once: a second review is refused.
    expect(await failure(caller.audit.reviewFlag({ id: town.flag.id, status: 'escalated', note: 'again' }))).toMatchObject({
      code: 'CONFLICT',
    });

    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, actorId: town.auditor.id, action: { startsWith: 'audit.flag' } },
      orderBy: { seq: 'asc' },
      select: { action: true, outcome: true, entityId: true },
    });
    expect(events.map((e) => [e.action, e.outcome])).toEqual([
      ['audit.flags', 'allowed'],
      ['audit.flag.read', 'allowed'],
      ['audit.flag.review', 'allowed'],
      ['audit.flag.read', 'allowed'],
    ]);
    expect(events.slice(1).every((e) => e.entityId === town.flag.id)).toBe(true);
  });

  it('others are refused and audited; another municipality’s auditor finds nothing', async () => {
    const town = await flaggedTown();
    for (const user of [town.coordinator, town.admin, town.socialWorker]) {
      const { caller } = await callerFor(db, user);
      expect(await failure(caller.audit.flag({ id: town.flag.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(caller.audit.reviewFlag({ id: town.flag.id, status: 'reviewed', note: 'no' }))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(
        await db.auditEvent.count({
          where: { actorId: user.id, action: { in: ['audit.flag.read', 'audit.flag.review'] }, outcome: 'denied' },
        }),
      ).toBe(2);
    }
    const other = await makeTown(db);
    const { caller } = await callerFor(db, other.auditor);
    expect((await caller.audit.flags({})).items).toEqual([]);
    expect(await failure(caller.audit.flag({ id: town.flag.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(caller.audit.reviewFlag({ id: town.flag.id, status: 'escalated', note: 'not mine' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.auditFlag.findUniqueOrThrow({ where: { id: town.flag.id }, select: { status: true } })).toEqual({ status: 'open' });
  });
});
