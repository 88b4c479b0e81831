import { mkdtemp, readFile, writeFile, appendFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality } from '../helpers/factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { verifyChain } from '../../src/audit/verify.js';
import { GENESIS_HASH, contentDigest, linkHash } from '../../src/audit/hash.js';
import {
  anchorChains,
  checkAgainstCheckpoints,
  httpsSink,
  lastCheckpoint,
  readCheckpoints,
  checkpointFile,
} from '../../src/audit/checkpoints.js';
import { newSigningKey, signerFrom } from '../../src/audit/signing.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, owner } = await testDb();
const signer = signerFrom(newSigningKey());
const clock = manualClock(new Date('2026-06-01T08:00:00Z'));

async function append(chain: string, n: number) {
  const audit = new AuditTrail({ municipalityId: chain, actorId: null, actorRole: null, requestId: 'req', ip: null }, clock);
  for (let i = 0; i < n; i++) audit.record({ action: 'case.read', entityType: 'Case', entityId: `case-${i}` });
  await audit.flush(db);
}

/** A town with `n` events and its own checkpoint directory, anchored once. */
async function anchoredTown(n = 3) {
  const town = await makeMunicipality(db);
  const dir = await mkdtemp(join(tmpdir(), 'jisr-checkpoints-'));
  await append(town.id, n);
  await anchorChains(db, { signer, dir, clock });
  return { chain: town.id, dir };
}

const check = async (chain: string, dir: string, key = signer.publicKey) =>
  checkAgainstCheckpoints(db, chain, await readCheckpoints(dir, chain), key);

/** What an attacker with the owner's rights does: rewrite events with the triggers off, then recompute every hash after and the head. */
async function rewriteAndRecompute(chain: string, change: string) {
  await owner.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    await tx.$executeRawUnsafe(change);
    const rows = await tx.auditEvent.findMany({ where: { chain }, orderBy: { seq: 'asc' } });
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const seq = i + 1;
      const hash = linkHash(prev, seq, row.id, contentDigest(row));
      await tx.auditEvent.update({ where: { id: row.id }, data: { seq, prevHash: prev, hash } });
      prev = hash;
    }
    await tx.auditChainHead.update({ where: { chain }, data: { seq: rows.length, hash: prev } });
  });
}

describe('signed checkpoints outside the database', () => {
  it('anchor each chain that moved, once, and agree with an untouched chain', async () => {
    const { chain, dir } = await anchoredTown(3);
    expect((await anchorChains(db, { signer, dir, clock })).written).toBe(0);
    await append(chain, 2);
    clock.advance(5 * 60_000);
    await anchorChains(db, { signer, dir, clock });
    const lines = (await readFile(checkpointFile(dir, chain), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.seq, l.key])).toEqual([
      [3, signer.keyId],
      [5, signer.keyId],
    ]);
    expect(await check(chain, dir)).toMatchObject({ checked: 2, last: { seq: 5 }, firstContradicted: null });
  });

  it('find a deleted event whose chain was recomputed: verify alone calls it intact, the checkpoint does not', async () => {
    const { chain, dir } = await anchoredTown(4);
    await rewriteAndRecompute(chain, `DELETE FROM audit_event WHERE chain = '${chain}' AND seq = 2`);
    expect(await verifyChain(db, chain)).toMatchObject({ checked: 3, firstBroken: null });
    expect((await check(chain, dir)).firstContradicted).toMatchObject({ line: 1, seq: 4, reason: 'missing_event' });
  });

  it('find a rewritten and recomputed event, and a chain truncated at the end', async () => {
    const rewritten = await anchoredTown(3);
    await rewriteAndRecompute(rewritten.chain, `UPDATE audit_event SET entity_id = 'other' WHERE chain = '${rewritten.chain}' AND seq = 1`);
    expect(await verifyChain(db, rewritten.chain)).toMatchObject({ firstBroken: null });
    expect((await check(rewritten.chain, rewritten.dir)).firstContradicted).toMatchObject({ seq: 3, reason: 'hash_differs' });

    const truncated = await anchoredTown(3);
    await rewriteAndRecompute(truncated.chain, `DELETE FROM audit_event WHERE chain = '${truncated.chain}' AND seq = 3`);
    expect((await check(truncated.chain, truncated.dir)).firstContradicted).toMatchObject({ seq: 3, reason: 'missing_event' });
  });

  it('refuse a forged, edited, foreign-key or garbled checkpoint line', async () => {
    const { chain, dir } = await anchoredTown(2);
    const file = checkpointFile(dir, chain);
    const [good] = (await readFile(file, 'utf8')).trim().split('\n');
    const edited = { ...JSON.parse(good!), seq: 1 };
    await writeFile(file, `${JSON.stringify(edited)}\n`);
    expect((await check(chain, dir)).firstContradicted).toMatchObject({ reason: 'bad_signature' });

    const stranger = signerFrom(newSigningKey());
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { chain } });
    await writeFile(file, `${JSON.stringify(stranger.sign({ chain, seq: head.seq, hash: head.hash, at: clock().toISOString() }))}\n`);
    expect((await check(chain, dir)).firstContradicted).toMatchObject({ reason: 'bad_signature' });

    await writeFile(file, `${good}\n`);
    await appendFile(file, 'not a checkpoint\n');
    expect((await check(chain, dir)).firstContradicted).toMatchObject({ line: 2, reason: 'unreadable' });
  });

  it('take the last checkpoint from signed lines only: a line forged without the key neither stops the next checkpoint nor passes for one', async () => {
    const { chain, dir } = await anchoredTown(2);
    await append(chain, 2);
    const head = await db.auditChainHead.findUniqueOrThrow({ where: { chain } });
    // Someone who can write the directory but has no key names the new head, as if it were anchored, far ahead too.
    const stranger = signerFrom(newSigningKey());
    const forged = { ...stranger.sign({ chain, seq: head.seq, hash: head.hash, at: clock().toISOString() }), key: signer.keyId };
    await appendFile(checkpointFile(dir, chain), `${JSON.stringify(forged)}\n${JSON.stringify({ ...forged, seq: 1_000_000 })}\n`);
    expect((await lastCheckpoint(dir, chain, signer.publicKey))?.seq).toBe(2);
    clock.advance(5 * 60_000);
    expect((await anchorChains(db, { signer, dir, clock })).written).toBe(1);
    expect((await lastCheckpoint(dir, chain, signer.publicKey))?.seq).toBe(head.seq);
    // The forged lines stay in the file, and verify still names the first of them.
    expect((await check(chain, dir)).firstContradicted).toMatchObject({ line: 2, reason: 'bad_signature' });
  });

  it('post each checkpoint to a second system, and report a refusal without losing the directory copy', async () => {
    const received: unknown[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    try {
      const town = await makeMunicipality(db);
      const dir = await mkdtemp(join(tmpdir(), 'jisr-checkpoints-'));
      await append(town.id, 1);
      // The sink is the same for http in a test; the setting accepts https only.
      const extra = [httpsSink(`http://127.0.0.1:${port}/checkpoints`)];
      const first = await anchorChains(db, { signer, dir, clock, extra });
      expect(first.failures).toEqual([]);
      expect(received.filter((c) => (c as { chain: string }).chain === town.id)).toHaveLength(1);
      status = 503;
      await append(town.id, 1);
      const second = await anchorChains(db, { signer, dir, clock, extra });
      expect(second.failures.some((f) => f.startsWith(town.id) && f.includes('503'))).toBe(true);
      expect((await readCheckpoints(dir, town.id)).map((c) => c.ok && c.checkpoint.seq)).toEqual([1, 2]);
    } finally {
      server.close();
    }
  });
});
