import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { tamper } from '../helpers/tamper.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { AuditTrail, inTransaction } from '../../src/audit/writer.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { GENESIS_HASH, contentDigest, idlessHashEvent, legacyHashEvent, linkHash } from '../../src/audit/hash.js';
import { verifyChain } from '../../src/audit/verify.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, owner } = await testDb();

/** A municipality with `n` audited events written by the app's writer, flushed on the plain client. */
async function chainOf(n: number) {
  const town = await makeMunicipality(db);
  const user = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
  const audit = new AuditTrail(
    { municipalityId: town.id, actorId: user.id, actorRole: 'coordinator', requestId: 'req-1', ip: '203.0.113.7' },
    manualClock(),
  );
  for (let i = 1; i <= n; i++) {
    audit.record({
      action: `case.read`,
      entityType: 'Case',
      entityId: `case-${i}`,
      purpose: 'review',
      detail: { i, sections: ['summary'], at: new Date('2026-01-01T00:00:00Z') },
    });
  }
  await audit.flush(db);
  const rows = await db.auditEvent.findMany({ where: { chain: town.id }, orderBy: { seq: 'asc' } });
  return { town, user, rows };
}

describe('audit_append (one statement per flush)', () => {
  it('assigns seq and the hash that hash.ts defines, and moves the head', async () => {
    const { town, rows } = await chainOf(3);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(linkHash(prev, row.seq, row.id, contentDigest(row)));
      prev = row.hash;
    }
    expect(rows[0]).toMatchObject({
      requestId: 'req-1',
      ip: '203.0.113.7',
      outcome: 'allowed',
      detail: { i: 1, sections: ['summary'], at: '2026-01-01T00:00:00.000Z' },
    });
    expect(await db.auditChainHead.findUnique({ where: { chain: town.id } })).toEqual({ chain: town.id, seq: 3, hash: prev });
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: 3, firstBroken: null });
  });

  it('appends one flush to two chains, each valid', async () => {
    const a = await makeMunicipality(db);
    const b = await makeMunicipality(db);
    const audit = new AuditTrail({ municipalityId: a.id, actorId: null, actorRole: null, requestId: 'two', ip: null }, manualClock());
    audit.record({ action: 'agency.create' });
    audit.record({ action: 'agency.update', municipalityId: b.id });
    audit.record({ action: 'user.create' });
    await audit.flush(db);
    const ofA = await db.auditEvent.findMany({ where: { chain: a.id }, orderBy: { seq: 'asc' }, select: { action: true, seq: true } });
    expect(ofA).toEqual([
      { action: 'agency.create', seq: 1 },
      { action: 'user.create', seq: 2 },
    ]);
    expect(await db.auditEvent.findMany({ where: { chain: b.id }, select: { action: true, seq: true } })).toEqual([
      { action: 'agency.update', seq: 1 },
    ]);
    expect((await verifyChain(db, a.id)).firstBroken).toBeNull();
    expect((await verifyChain(db, b.id)).firstBroken).toBeNull();
  });

  it('refuses an event without a valid digest, and writes nothing', async () => {
    const town = await makeMunicipality(db);
    const event = { chain: town.id, at: new Date().toISOString(), action: 'x', outcome: 'allowed', digest: 'not a digest' };
    await expect(db.$executeRaw`SELECT audit_append(${JSON.stringify([event])}::jsonb)`).rejects.toThrow(/valid digest/);
    expect(await db.auditEvent.count({ where: { chain: town.id } })).toBe(0);
    expect(await db.auditChainHead.count({ where: { chain: town.id } })).toBe(0);
  });
});

describe('tampering is still found', () => {
  const fields: [string, string][] = [
    ['action', `action = 'case.list'`],
    ['actor', `actor_id = NULL`],
    ['role', `actor_role = 'auditor'`],
    ['entity', `entity_id = 'case-99'`],
    ['entity type', `entity_type = 'Person'`],
    ['outcome', `outcome = 'denied'`],
    ['purpose', `purpose = 'export'`],
    ['request', `request_id = 'forged'`],
    ['address', `ip = '198.51.100.1'`],
    ['time', `at = at + interval '1 second'`],
    ['detail', `detail = '{"i": 20, "sections": ["summary"], "at": "2026-01-01T00:00:00.000Z"}'`],
    ['municipality', `municipality_id = NULL`],
  ];
  for (const [name, set] of fields) {
    it(`a changed ${name}`, async () => {
      const { town, rows } = await chainOf(3);
      await tamper(owner, `UPDATE audit_event SET ${set} WHERE id = ${rows[1]!.id}`);
      expect((await verifyChain(db, town.id)).firstBroken).toEqual({ id: rows[1]!.id.toString(), seq: 2, reason: 'hash_mismatch' });
    });
  }

  it('two events swapped (content and hashes moved together)', async () => {
    const { town, rows } = await chainOf(3);
    const [, second, third] = rows;
    await tamper(owner, `UPDATE audit_event SET seq = -seq WHERE id IN (${second!.id}, ${third!.id})`);
    await tamper(owner, `UPDATE audit_event SET seq = 3 WHERE id = ${second!.id}`);
    await tamper(owner, `UPDATE audit_event SET seq = 2 WHERE id = ${third!.id}`);
    expect((await verifyChain(db, town.id)).firstBroken).toMatchObject({ seq: 2, reason: 'link_mismatch' });
  });

  it('two events swapped with their seq and links rewritten (only content moved)', async () => {
    const { town, rows } = await chainOf(3);
    const [, second, third] = rows;
    // Swap what they say, keep seq, prev_hash and hash in place: the digests no longer match.
    await tamper(
      owner,
      `UPDATE audit_event SET entity_id = CASE id WHEN ${second!.id} THEN 'case-3' ELSE 'case-2' END, detail = CASE id WHEN ${second!.id} THEN '{"i": 3, "sections": ["summary"], "at": "2026-01-01T00:00:00.000Z"}'::jsonb ELSE '{"i": 2, "sections": ["summary"], "at": "2026-01-01T00:00:00.000Z"}'::jsonb END WHERE id IN (${second!.id}, ${third!.id})`,
    );
    expect((await verifyChain(db, town.id)).firstBroken).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
  });

  it('a deleted event in the middle', async () => {
    const { town, rows } = await chainOf(3);
    await tamper(owner, `DELETE FROM audit_event WHERE id = ${rows[1]!.id}`, 'audit_event_no_delete');
    expect((await verifyChain(db, town.id)).firstBroken).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });
});

describe('events written before the one-statement append', () => {
  it('still verify with the earlier definition, and a change to one is found', async () => {
    const town = await makeMunicipality(db);
    const at = new Date('2026-01-15T09:00:00Z');
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 2; seq++) {
      const event = {
        chain: town.id,
        seq,
        at,
        municipalityId: town.id,
        actorId: null,
        actorRole: null,
        action: 'legacy.event',
        entityType: null,
        entityId: `e${seq}`,
        outcome: 'allowed',
        purpose: null,
        requestId: 'old',
        ip: null,
        detail: { seq },
        prevHash,
      };
      const hash = legacyHashEvent(event);
      await owner.auditEvent.create({ data: { ...event, actorRole: null, outcome: 'allowed', hash } });
      prevHash = hash;
    }
    await owner.auditChainHead.create({ data: { chain: town.id, seq: 2, hash: prevHash } });
    // As the migration records for a chain that existed then: the id is covered from seq 3 on.
    await owner.auditHashEpoch.create({ data: { chain: town.id, idCoveredFrom: 3 } });
    // New events chain onto the old ones with the new definition.
    const audit = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId: 'new', ip: null }, manualClock());
    audit.record({ action: 'agency.create' });
    await audit.flush(db);
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: 3, firstBroken: null });

    const first = await db.auditEvent.findFirstOrThrow({ where: { chain: town.id, seq: 1 } });
    await tamper(owner, `UPDATE audit_event SET entity_id = 'forged' WHERE id = ${first.id}`);
    expect((await verifyChain(db, town.id)).firstBroken).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
  });

  it('are accepted only below the epoch: an id-less hash from there on (ids swapped, links recomputed) is refused', async () => {
    const { town, rows } = await chainOf(3);
    // The owner swaps the ids of events 2 and 3 and recomputes every hash by the definition without ids.
    const [a, b] = [rows[1]!.id, rows[2]!.id];
    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      await tx.$executeRawUnsafe(`UPDATE audit_event SET id = -id WHERE id = ${a}`);
      await tx.$executeRawUnsafe(`UPDATE audit_event SET id = ${a} WHERE id = ${b}`);
      await tx.$executeRawUnsafe(`UPDATE audit_event SET id = ${b} WHERE id = -${a}`);
      let prev = GENESIS_HASH;
      for (const row of await tx.auditEvent.findMany({ where: { chain: town.id }, orderBy: { seq: 'asc' } })) {
        const hash = idlessHashEvent({ ...row, prevHash: prev });
        await tx.auditEvent.update({ where: { id: row.id }, data: { prevHash: prev, hash } });
        prev = hash;
      }
      await tx.auditChainHead.update({ where: { chain: town.id }, data: { hash: prev } });
    });
    expect((await verifyChain(db, town.id)).firstBroken).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
  });
});

describe('a write with its audit events in one statement (appendWith)', () => {
  const agencyInsert = (municipalityId: string, name: string) =>
    Prisma.sql`INSERT INTO agency (id, municipality_id, name, kind, updated_at) VALUES (gen_random_uuid(), ${municipalityId}::uuid, ${name}, 'ngo', now()) RETURNING id, name`;

  it('commits the row and its event together', async () => {
    const town = await makeMunicipality(db);
    const audit = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId: 'with', ip: null }, manualClock());
    audit.record({ action: 'agency.create', entityType: 'Agency' });
    const rows = await audit.appendWith<{ id: string; name: string }>(db, agencyInsert(town.id, 'Together'));
    expect(rows).toEqual([{ id: expect.any(String), name: 'Together' }]);
    expect(await db.auditEvent.count({ where: { chain: town.id, action: 'agency.create' } })).toBe(1);
    expect((await verifyChain(db, town.id)).firstBroken).toBeNull();
  });

  it('writes neither when the event cannot be appended', async () => {
    const town = await makeMunicipality(db);
    // An actor that does not exist: the event's foreign key fails, and so does the whole statement.
    const audit = new AuditTrail(
      { municipalityId: town.id, actorId: randomUUID(), actorRole: 'admin', requestId: 'fk', ip: null },
      manualClock(),
    );
    audit.record({ action: 'agency.create', entityType: 'Agency' });
    await expect(audit.appendWith(db, agencyInsert(town.id, 'Never'))).rejects.toThrow();
    expect(await db.agency.count({ where: { municipalityId: town.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { chain: town.id } })).toBe(0);
  });

  it('appends nothing when the write returns no row', async () => {
    const town = await makeMunicipality(db);
    const audit = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId: 'none', ip: null }, manualClock());
    audit.record({ action: 'agency.update', entityType: 'Agency' });
    const rows = await audit.appendWith(db, Prisma.sql`UPDATE agency SET name = 'x' WHERE id = ${randomUUID()}::uuid RETURNING id`);
    expect(rows).toEqual([]);
    expect(await db.auditEvent.count({ where: { chain: town.id } })).toBe(0);
  });

  it('inTransaction opens a transaction on the plain client, and rolls back on failure', async () => {
    const town = await makeMunicipality(db);
    await expect(
      inTransaction(db, async (tx) => {
        await tx.agency.create({ data: { municipalityId: town.id, name: 'Rolled back', kind: 'ngo' } });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.agency.count({ where: { municipalityId: town.id } })).toBe(0);
    // Inside a transaction it runs in that one.
    await db.$transaction(async (tx) => inTransaction(tx, async (inner) => expect(inner).toBe(tx)));
  });
});
