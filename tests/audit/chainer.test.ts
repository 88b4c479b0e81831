import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { GENESIS_HASH, contentDigest, linkHash, type EventContent } from '../../src/audit/hash.js';
import { verifyChain } from '../../src/audit/verify.js';
import { linkStaged } from '../../src/audit/chainer.js';
import { createDb } from '../../src/db.js';
import { canonicalJson } from '../../src/lib/canonical-json.js';
import { manualClock, systemClock } from '../../src/lib/clock.js';

const { db, url, ownerUrl } = await testDb();

/** One connection with the given credentials (the app's by default). */
async function connect<T>(work: (c: pg.Client) => Promise<T>, connection = url): Promise<T> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** audit_stage's argument for one event of `town`, as the writer makes it. */
function staged(town: string, over: Partial<EventContent> = {}) {
  const content: EventContent = {
    chain: town,
    at: new Date('2026-03-01T10:00:00Z'),
    municipalityId: town,
    actorId: null,
    actorRole: null,
    action: 'case.read',
    entityType: 'Case',
    entityId: null,
    outcome: 'allowed',
    purpose: null,
    requestId: 'cut-off',
    ip: null,
    detail: { n: 1 },
    ...over,
  };
  return { content, json: canonicalJson([{ ...content, digest: contentDigest(content) }]) };
}

/** Events on the chain, read without linking first (the test client's audit reads link: helpers/db.ts). */
const linkedOf = async (chain: string) =>
  connect(async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE chain = $1', [chain])).rows[0]!.n);

const pendingOf = async (chain: string) =>
  connect(async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending WHERE chain = $1', [chain])).rows[0]!.n);

describe('the chainer: events staged without the chain head, linked in one order', () => {
  it('stages each call, concurrent with transactions, and links them all as one valid chain', async () => {
    const town = await makeMunicipality(db);
    const user = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    const trail = (requestId: string) =>
      new AuditTrail({ municipalityId: town.id, actorId: user.id, actorRole: 'coordinator', requestId, ip: null }, systemClock);
    // Reads commit their events on their own (staged, then linked); writes append them in their transaction.
    const read = async (i: number) => {
      const audit = trail(`read-${i}`);
      audit.record({ action: 'case.list', detail: { i } });
      audit.record({ action: 'case.read', entityType: 'Case', detail: { i } });
      await audit.flush(db);
      // Once the call may answer, its events are on the chain, with a place in it.
      return db.auditEvent.count({ where: { chain: town.id, requestId: `read-${i}` } });
    };
    const write = (i: number) =>
      db.$transaction(async (tx) => {
        const audit = trail(`write-${i}`);
        audit.record({ action: 'case.open', detail: { i } });
        await audit.flush(tx);
      });
    const reads = Array.from({ length: 30 }, (_, i) => read(i));
    const writes = Array.from({ length: 10 }, (_, i) => write(i));
    expect(await Promise.all(reads)).toEqual(Array(30).fill(2));
    await Promise.all(writes);

    const rows = await db.auditEvent.findMany({
      where: { chain: town.id },
      orderBy: { seq: 'asc' },
      select: { seq: true, requestId: true },
    });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    // A call's events stay together and in their order.
    for (let i = 0; i < 30; i++) {
      const at = rows.findIndex((r) => r.requestId === `read-${i}`);
      expect(rows[at + 1]!.requestId).toBe(`read-${i}`);
    }
    expect(await pendingOf(town.id)).toBe(0);
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: 70, firstBroken: null });
    expect(await db.auditChainHead.findUnique({ where: { chain: town.id }, select: { seq: true } })).toEqual({ seq: 70 });
  });

  it('keeps the events of a call cut off before its link, durable, and the next link puts them on the chain', async () => {
    const town = await makeMunicipality(db);
    const { content, json } = staged(town.id);
    // The call's own statement committed; the process died before it linked.
    await connect((c) => c.query('SELECT audit_stage($1::jsonb)', [json]));
    expect(await linkedOf(town.id)).toBe(0);
    expect(await pendingOf(town.id)).toBe(1);

    // Any later audited call on the plain client links every staged event first.
    const next = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId: 'next', ip: null }, manualClock());
    next.record({ action: 'case.list' });
    await next.flush(db);
    const rows = await db.auditEvent.findMany({ where: { chain: town.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.seq, r.requestId])).toEqual([
      [1, 'cut-off'],
      [2, 'next'],
    ]);
    // Hashed as audit_append hashes: the link covers place, id and the content's digest.
    expect(rows[0]!.hash).toBe(linkHash(GENESIS_HASH, 1, rows[0]!.id, contentDigest(content)));
    expect(rows[0]).toMatchObject({ action: 'case.read', entityType: 'Case', detail: { n: 1 }, at: content.at });
    expect(await pendingOf(town.id)).toBe(0);
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: 2, firstBroken: null });
  });

  it('finds every chain with staged events by its index, however large the queue has been', async () => {
    // No vacuum may shrink the queue's heap while the test looks at it.
    await connect((c) => c.query('ALTER TABLE audit_pending SET (autovacuum_enabled = false)'), ownerUrl);
    try {
      const towns = [await makeMunicipality(db), await makeMunicipality(db), await makeMunicipality(db)];
      // A queue that was busy once: thousands of rows staged and taken leave their pages behind.
      await connect(async (c) => {
        await c.query(
          `INSERT INTO audit_pending (call, chain, at, action, outcome, digest)
           SELECT g, 'bloat', now(), 'bloat', 'allowed', repeat('a', 64) FROM generate_series(1, 20000) g`,
        );
        await c.query(`DELETE FROM audit_pending WHERE chain = 'bloat'`);
      }, ownerUrl);
      // Events of three towns and of the system chain, each call cut off before its link.
      for (const town of towns) await connect((c) => c.query('SELECT audit_stage($1::jsonb)', [staged(town.id).json]));
      const system = staged('system', { municipalityId: null, requestId: 'system-cut-off' });
      await connect((c) => c.query('SELECT audit_stage($1::jsonb)', [system.json]));

      await linkStaged(db);
      for (const town of towns) {
        expect(await pendingOf(town.id)).toBe(0);
        expect(await verifyChain(db, town.id)).toMatchObject({ checked: 1, firstBroken: null });
      }
      expect(await pendingOf('system')).toBe(0);
      expect(await db.auditEvent.count({ where: { chain: 'system', requestId: 'system-cut-off' } })).toBe(1);
      // A link with nothing to do probes the queue's index; it does not read the heap the busy queue left.
      // (The first index scan after the rows went marks their entries dead; the blocks are counted after it.)
      const { blocks, heapPages } = await connect(async (c) => {
        const link = async () => {
          const { rows } = await c.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
            'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT audit_link()',
          );
          const plan = rows[0]!['QUERY PLAN'][0].Plan;
          return plan['Shared Hit Blocks']! + plan['Shared Read Blocks']!;
        };
        await link();
        const size = await c.query<{ pages: number }>(`SELECT (pg_relation_size('audit_pending') / 8192)::int AS pages`);
        return { blocks: await link(), heapPages: size.rows[0]!.pages };
      }, ownerUrl);
      expect(heapPages).toBeGreaterThan(300);
      expect(blocks).toBeLessThan(heapPages / 2);
    } finally {
      await connect((c) => c.query('ALTER TABLE audit_pending RESET (autovacuum_enabled)'), ownerUrl);
    }
  });

  it('is linked by verify, and an event that stays unlinked for over a minute breaks the report', async () => {
    const town = await makeMunicipality(db);
    await connect((c) => c.query('SELECT audit_stage($1::jsonb)', [staged(town.id).json]));
    const [row] = await connect(
      async (c) => (await c.query<{ id: string }>('SELECT id::text FROM audit_pending WHERE chain = $1', [town.id])).rows,
    );
    await connect(async (c) => {
      // A chainer that cannot link (its right taken away here), and an event staged two minutes ago.
      await c.query(`UPDATE audit_pending SET staged_at = now() - interval '2 minutes' WHERE chain = $1`, [town.id]);
      await c.query('REVOKE EXECUTE ON FUNCTION audit_link() FROM jisr_app');
    }, ownerUrl);
    try {
      expect(await verifyChain(db, town.id)).toEqual({
        chain: town.id,
        checked: 0,
        firstBroken: { id: row!.id, seq: 1, reason: 'unlinked' },
      });
    } finally {
      await connect((c) => c.query('GRANT EXECUTE ON FUNCTION audit_link() TO jisr_app'), ownerUrl);
    }
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: 1, firstBroken: null });
    expect((await db.auditEvent.findFirstOrThrow({ where: { chain: town.id }, select: { id: true } })).id.toString()).toBe(row!.id);
  });

  it('refuses what audit_append refuses, and stages nothing', async () => {
    const town = await makeMunicipality(db);
    const other = await makeMunicipality(db);
    const refused = async (json: string) =>
      connect((c) =>
        c.query('SELECT audit_stage($1::jsonb)', [json]).then(
          () => null,
          (err: Error) => err.message,
        ),
      );
    const bad = JSON.parse(staged(town.id).json) as Record<string, unknown>[];
    expect(await refused(JSON.stringify([{ ...bad[0], digest: 'not a digest' }]))).toMatch(/valid digest/);
    expect(await refused(staged(town.id, { municipalityId: other.id }).json)).toMatch(/another municipality/);
    expect(await refused(JSON.stringify([{ ...bad[0], chain: null }]))).toMatch(/without a chain/);
    expect(await refused(staged(town.id, { actorRole: 'emperor' }).json)).toMatch(/invalid input value for enum/);
    expect(await pendingOf(town.id)).toBe(0);
    expect(await pendingOf(other.id)).toBe(0);
  });

  it("relaxes only the link's own commit: the pool's connections still commit synchronously", async () => {
    // The test server commits asynchronously throughout; these connections ask for the production setting.
    const strict = new URL(url);
    strict.searchParams.set('options', '-c synchronous_commit=on');
    const own = createDb({ url: strict.toString(), poolMax: 2 });
    try {
      const town = await makeMunicipality(db);
      for (const requestId of ['sync-1', 'sync-2', 'sync-3']) {
        const audit = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId, ip: null }, manualClock());
        audit.record({ action: 'case.list' });
        await audit.flush(own.db);
      }
      await linkStaged(own.db);
      expect(await own.db.auditEvent.count({ where: { chain: town.id } })).toBe(3);
      const settings = await Promise.all(
        [1, 2, 3, 4].map(async () => (await own.pool.query<{ s: string }>(`SELECT current_setting('synchronous_commit') AS s`)).rows[0]!.s),
      );
      expect(settings).toEqual(['on', 'on', 'on', 'on']);
    } finally {
      await own.close();
    }
  });
});
