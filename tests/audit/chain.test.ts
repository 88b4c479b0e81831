import { linkStaged } from '../../src/audit/chainer.js';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { tamper } from '../helpers/tamper.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditedTransaction } from '../../src/audit/writer.js';
import { verifyAll, verifyChain } from '../../src/audit/verify.js';
import { systemClock } from '../../src/lib/clock.js';

const { db, owner } = await testDb();

describe('the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself: to the app for want of rights, to the owner by triggers', async () => {
    const { town, admin } = await makeTown(db);
    await (await callerFor(db, admin)).caller.agencies.create({ name: 'Append only', kind: 'ngo' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: town.id } });
    await expect(db.$executeRawUnsafe(`UPDATE audit_event SET action = 'x' WHERE id = ${event.id}`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_event WHERE id = ${event.id}`)).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('TRUNCATE audit_event CASCADE')).rejects.toThrow(/permission denied/);
    await expect(owner.$executeRawUnsafe(`UPDATE audit_event SET action = 'x' WHERE id = ${event.id}`)).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe(`DELETE FROM audit_event WHERE id = ${event.id}`)).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe('TRUNCATE audit_event CASCADE')).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { outcome: 'denied' } })).rejects.toThrow();
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ action: event.action, outcome: 'allowed' });
  });

  it('is verified by audit.verify, which names the first tampered event', async () => {
    const { town, admin, auditor } = await makeTown(db);
    const adminCaller = (await callerFor(db, admin)).caller;
    for (const name of ['One', 'Two', 'Three']) await adminCaller.agencies.create({ name: `Agency ${name}`, kind: 'school' });
    const { caller } = await callerFor(db, auditor);
    await expect(caller.audit.verify()).resolves.toMatchObject({ checked: 3, firstBroken: null });

    const second = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: town.id, seq: 2 } });
    await tamper(owner, `UPDATE audit_event SET detail = '{"name":"Agency Forged","kind":"school"}' WHERE id = ${second.id}`);
    const report = await caller.audit.verify();
    // Numbered within the municipality (seq): the id all towns share is never shown.
    expect(report.firstBroken).toEqual({ seq: 2, reason: 'hash_mismatch' });
    expect(report.checked).toBe(2);
    // The verification itself is auditedTransaction, with its result.
    const verifyEvents = await db.auditEvent.findMany({
      where: { municipalityId: town.id, action: 'audit.verify' },
      orderBy: { id: 'asc' },
    });
    // No signing key in these tests: no checkpoints to compare with (null).
    expect(verifyEvents.map((e) => e.detail)).toEqual([
      { checked: 3, broken: null, checkpoints: null, contradicted: null },
      { checked: 2, broken: 2, checkpoints: null, contradicted: null },
    ]);
  });

  it('finds a removed event and a cut-off tail', async () => {
    const { town, admin } = await makeTown(db);
    const adminCaller = (await callerFor(db, admin)).caller;
    for (const name of ['A', 'B', 'C', 'D']) await adminCaller.agencies.create({ name: `Chain ${name}`, kind: 'school' });
    const chain = town.id;
    await tamper(owner, `DELETE FROM audit_event WHERE chain = '${chain}' AND seq = 4`, 'audit_event_no_delete');
    expect((await verifyChain(db, chain)).firstBroken).toMatchObject({ seq: 4, reason: 'missing_tail' });
    await tamper(owner, `DELETE FROM audit_event WHERE chain = '${chain}' AND seq = 2`, 'audit_event_no_delete');
    expect((await verifyChain(db, chain)).firstBroken).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });

  it('does not lose a chain whose head row was removed', async () => {
    const { town, admin } = await makeTown(db);
    await (await callerFor(db, admin)).caller.agencies.create({ name: 'Headless', kind: 'school' });
    await linkStaged(db);
    await owner.$transaction([
      owner.$executeRawUnsafe('SET LOCAL session_replication_role = replica'),
      owner.$executeRawUnsafe(`DELETE FROM audit_chain_head WHERE chain = '${town.id}'`),
    ]);
    const report = (await verifyAll(db)).find((r) => r.chain === town.id);
    expect(report?.firstBroken).toMatchObject({ reason: 'missing_head' });
  });

  it('stays one valid chain under 50 concurrent audited writes', async () => {
    const { town, admin } = await makeTown(db);
    const base = { municipalityId: town.id, actorId: admin.id, actorRole: 'admin' as const, requestId: 'load', ip: null };
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        auditedTransaction(db, base, systemClock, async (tx, audit) => {
          const agency = await tx.agency.create({
            data: { municipalityId: town.id, name: `Concurrent ${i}`, kind: 'ngo' },
            select: { id: true },
          });
          audit.record({ action: 'agency.create', entityType: 'Agency', entityId: agency.id });
        }),
      ),
    );
    const report = await verifyChain(db, town.id);
    expect(report).toMatchObject({ checked: 50, firstBroken: null });
    const seqs = (await db.auditEvent.findMany({ where: { chain: town.id }, select: { seq: true }, orderBy: { seq: 'asc' } })).map(
      (e) => e.seq,
    );
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('rolls back with the work: a failed transaction leaves neither the change nor its event', async () => {
    const { town, admin } = await makeTown(db);
    const base = { municipalityId: town.id, actorId: admin.id, actorRole: 'admin' as const, requestId: 'rollback', ip: null };
    await expect(
      auditedTransaction(db, base, systemClock, async (tx, audit) => {
        await tx.agency.create({ data: { municipalityId: town.id, name: 'Half way', kind: 'ngo' } });
        audit.record({ action: 'agency.create', entityType: 'Agency' });
        throw new Error('failure half-way');
      }),
    ).rejects.toThrow('failure half-way');
    expect(await db.agency.count({ where: { name: 'Half way' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { municipalityId: town.id } })).toBe(0);
  });
});

describe('audit.list', () => {
  it('filters by actor, action, entity, outcome and time, newest first, one keyset page at a time', async () => {
    const { town, admin, coordinator, auditor } = await makeTown(db);
    const adminCaller = (await callerFor(db, admin)).caller;
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await adminCaller.agencies.create({ name: `Listed ${i}`, kind: 'ngo' }));
    await (await callerFor(db, coordinator)).caller.users.list({}).catch(() => undefined);
    const { caller } = await callerFor(db, auditor);

    const page1 = await caller.audit.list({ action: 'agency.', limit: 2 });
    const page2 = await caller.audit.list({ action: 'agency.', limit: 2, cursor: page1.nextCursor! });
    const page3 = await caller.audit.list({ action: 'agency.', limit: 2, cursor: page2.nextCursor! });
    const ids = [...page1.items, ...page2.items, ...page3.items].map((e) => e.entityId);
    expect(ids).toEqual(created.map((a) => a.id).reverse());
    expect(page3.nextCursor).toBeNull();

    const denied = await caller.audit.list({ outcome: 'denied' });
    expect(denied.items).toHaveLength(1);
    expect(denied.items[0]).toMatchObject({ actorId: coordinator.id, action: 'user.list', actor: { displayName: expect.any(String) } });
    expect((await caller.audit.list({ actorId: coordinator.id })).items).toHaveLength(1);
    expect((await caller.audit.list({ entityType: 'Agency', entityId: created[2]!.id })).items).toHaveLength(1);
    expect((await caller.audit.list({ from: new Date('2000-01-01'), to: new Date('2000-01-02') })).items).toHaveLength(0);
    // The action filter is a prefix of letters: LIKE's wildcards match nothing but themselves.
    for (const pattern of ['%', '_gency', 'agency%']) expect((await caller.audit.list({ action: pattern })).items, pattern).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { municipalityId: town.id, action: 'audit.list', actorId: auditor.id } })).toBe(10);
  });
});
