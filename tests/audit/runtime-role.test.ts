import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDb } from '../helpers/db.js';
import { makeMunicipality } from '../helpers/factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { verifyChain } from '../../src/audit/verify.js';
import { unsafeRuntimeRole } from '../../src/lib/db-roles.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, url, ownerUrl } = await testDb();

/** A municipality whose chain has `n` events, written by the app's writer as the runtime role. */
async function chainOf(n: number) {
  const town = await makeMunicipality(db);
  const audit = new AuditTrail({ municipalityId: town.id, actorId: null, actorRole: null, requestId: 'req', ip: null }, manualClock());
  for (let i = 1; i <= n; i++) audit.record({ action: 'case.read', entityType: 'Case', entityId: `case-${i}` });
  await audit.flush(db);
  return town.id;
}

/** One connection with the app's own credentials: what an attacker who stole DATABASE_URL has. */
async function asApp<T>(work: (c: pg.Client) => Promise<T>, connection = url): Promise<T> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("the server's database role", () => {
  it('is no superuser, owns nothing, and is the kind of role the server agrees to run as; the owner is refused', async () => {
    await asApp(async (c) => {
      const { rows } = await c.query(`SELECT r.rolsuper, (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
                                     FROM pg_roles r WHERE r.rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, owns: 0 });
      expect(await unsafeRuntimeRole(c)).toBeNull();
    });
    expect(await asApp(unsafeRuntimeRole, ownerUrl)).toMatch(/superuser|owns the audit log/);
  });

  it.each([
    ['UPDATE an event', (chain: string) => `UPDATE audit_event SET action = 'x' WHERE chain = '${chain}'`],
    ['DELETE an event', (chain: string) => `DELETE FROM audit_event WHERE chain = '${chain}' AND seq = 2`],
    ['TRUNCATE the log', () => 'TRUNCATE audit_event'],
    [
      'INSERT an event past audit_append',
      (chain: string) =>
        `INSERT INTO audit_event (chain, seq, at, action, outcome, prev_hash, hash) VALUES ('${chain}', 99, now(), 'forged', 'allowed', 'x', 'y')`,
    ],
    ['switch the triggers off (replica mode)', () => 'SET session_replication_role = replica'],
    ['DISABLE TRIGGER', () => 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_delete'],
    [
      'INSERT a link of the access history past audit_append',
      (chain: string) =>
        `INSERT INTO audit_event_entity (municipality_id, entity_type, entity_id, event_id) SELECT municipality_id, 'Case', gen_random_uuid(), id FROM audit_event WHERE chain = '${chain}' LIMIT 1`,
    ],
    ['DELETE a link of the access history', (chain: string) => `DELETE FROM audit_event_entity WHERE municipality_id::text = '${chain}'`],
    [
      'INSERT a staged event past audit_stage',
      (chain: string) =>
        `INSERT INTO audit_pending (chain, at, action, outcome, digest) VALUES ('${chain}', now(), 'forged', 'allowed', repeat('a', 64))`,
    ],
    ['DELETE staged events', (chain: string) => `DELETE FROM audit_pending WHERE chain = '${chain}'`],
    ['move a chain head', (chain: string) => `UPDATE audit_chain_head SET seq = 1 WHERE chain = '${chain}'`],
    ['delete a chain head', (chain: string) => `DELETE FROM audit_chain_head WHERE chain = '${chain}'`],
    [
      'replace audit_append',
      () => 'CREATE OR REPLACE FUNCTION audit_append(p_events jsonb) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$',
    ],
    ['drop the append-only trigger', () => 'DROP TRIGGER audit_event_no_update ON audit_event'],
    ['give itself the owner role', () => 'GRANT jisr_owner TO CURRENT_USER'],
  ])('cannot %s', async (_what, sql) => {
    const chain = await chainOf(3);
    const refused = await asApp((c) =>
      c.query(sql(chain)).then(
        () => null,
        (err: { code?: string; message: string }) => err,
      ),
    );
    expect(refused, sql(chain)).not.toBeNull();
    // 42501 insufficient privilege, or (for a role that does not exist here) 42704: never applied.
    expect(['42501', '42704', '42883']).toContain(refused!.code);
    expect(await verifyChain(db, chain)).toMatchObject({ checked: 3, firstBroken: null });
  });

  it("cannot put an event on another municipality's chain through audit_append", async () => {
    const chain = await chainOf(1);
    const other = await makeMunicipality(db);
    const forged = JSON.stringify([
      { chain, municipalityId: other.id, at: new Date().toISOString(), action: 'case.read', outcome: 'allowed', digest: 'a'.repeat(64) },
    ]);
    const refused = await asApp((c) =>
      c.query('SELECT audit_append($1::jsonb)', [forged]).then(
        () => null,
        (err: Error) => err.message,
      ),
    );
    expect(refused).toMatch(/another municipality/);
    expect(await verifyChain(db, chain)).toMatchObject({ checked: 1, firstBroken: null });
  });

  it('is refused by the start-up check when someone granted it rights to rewrite the log', async () => {
    const role = `jisr_probe_${Date.now()}`;
    await asApp(async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'probe' IN ROLE jisr_app`);
      await c.query(`GRANT DELETE ON audit_event TO ${role}`);
    }, ownerUrl);
    try {
      const probeUrl = new URL(url);
      probeUrl.username = role;
      probeUrl.password = 'probe';
      expect(await asApp(unsafeRuntimeRole, probeUrl.toString())).toMatch(/may write the audit record directly/);
    } finally {
      await asApp(async (c) => {
        await c.query(`REVOKE ALL ON audit_event FROM ${role}`);
        await c.query(`DROP ROLE ${role}`);
      }, ownerUrl);
    }
  });

  it('still appends through audit_append and reads the log', async () => {
    const chain = await chainOf(2);
    expect(await db.auditEvent.count({ where: { chain } })).toBe(2);
    expect(await db.auditChainHead.findUnique({ where: { chain }, select: { seq: true } })).toEqual({ seq: 2 });
  });

  it('reads and writes every casework table, only reads the audit record, and never truncates', async () => {
    // The audit record: the server reads it; only audit_append (its owner's rights) and its trigger write it.
    const READ_ONLY = ['audit_event', 'audit_chain_head', 'audit_event_entity', 'audit_hash_epoch', 'audit_pending', '_prisma_migrations'];
    const rights = await asApp(async (c) => {
      const { rows } = await c.query<{ name: string; s: boolean; i: boolean; u: boolean; d: boolean; t: boolean }>(`
        SELECT c.relname AS name, has_table_privilege(c.oid, 'SELECT') AS s, has_table_privilege(c.oid, 'INSERT') AS i,
               has_table_privilege(c.oid, 'UPDATE') AS u, has_table_privilege(c.oid, 'DELETE') AS d,
               has_table_privilege(c.oid, 'TRUNCATE') AS t
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
      return rows;
    });
    // A table added without grants is unreadable or unwritable here.
    const casework = rights.filter((r) => !READ_ONLY.includes(r.name));
    expect(casework.filter((r) => !(r.s && r.i)).map((r) => r.name)).toEqual([]);
    expect(rights.filter((r) => READ_ONLY.includes(r.name) && (!r.s || r.i || r.u || r.d)).map((r) => r.name)).toEqual([]);
    expect(rights.filter((r) => r.t).map((r) => r.name)).toEqual([]);
    // Flags are raised and reviewed, never removed.
    expect(rights.find((r) => r.name === 'audit_flag')).toMatchObject({ i: true, d: false });
    // The events that raised a flag are written once; the rules' cursor moves; neither is removed.
    expect(rights.find((r) => r.name === 'audit_flag_event')).toMatchObject({ i: true, u: false, d: false });
    expect(rights.find((r) => r.name === 'audit_flag_cursor')).toMatchObject({ i: true, u: true, d: false });
    // A merge of two records is undone by marking it, never removed (what moved stays on record); a mark
    // "not the same person" is taken back by removing it, and never rewritten.
    expect(rights.find((r) => r.name === 'person_merge')).toMatchObject({ i: true, u: true, d: false });
    expect(rights.find((r) => r.name === 'person_distinct')).toMatchObject({ i: true, u: false, d: true });
    // Field-level history is written and re-encrypted, never removed.
    expect(rights.find((r) => r.name === 'field_change')).toMatchObject({ s: true, i: true, u: true, d: false });
    // Drafts are saved over, discarded by their author and swept when they expire.
    expect(rights.find((r) => r.name === 'draft')).toMatchObject({ s: true, i: true, u: true, d: true });
    // Deletion certificates are written once, never changed or removed; a legal hold is lifted, never removed.
    expect(rights.find((r) => r.name === 'deletion_certificate')).toMatchObject({ s: true, i: true, u: false, d: false });
    expect(rights.find((r) => r.name === 'legal_hold')).toMatchObject({ s: true, i: true, u: true, d: false });
    expect(rights.find((r) => r.name === 'retention_rule')).toMatchObject({ s: true, i: true, u: true });
    // Consents are recorded, withdrawn and renewed (a new row), never removed: the history is the record.
    expect(rights.find((r) => r.name === 'consent')).toMatchObject({ s: true, i: true, u: true });
    // Subject-access requests are prepared, reviewed and released (the record of what went out), never removed.
    expect(rights.find((r) => r.name === 'subject_access_request')).toMatchObject({ s: true, i: true, u: true, d: false });
    // Disclosure purposes are retired, never removed: disclosures keep naming theirs.
    expect(rights.find((r) => r.name === 'disclosure_purpose')).toMatchObject({ s: true, i: true, u: true, d: false });
    // List items are retired, never removed: referrals, cases and interventions keep naming theirs.
    expect(rights.find((r) => r.name === 'list_item')).toMatchObject({ s: true, i: true, u: true, d: false });
    // Onward referrals are answered and closed, never removed: each stays in the case's history.
    expect(rights.find((r) => r.name === 'onward_referral')).toMatchObject({ s: true, i: true, u: true, d: false });
    // Alerts: queued, claimed and marked sent or failed by the alerts job; one's choices set and changed.
    expect(rights.find((r) => r.name === 'alert_outbox')).toMatchObject({ s: true, i: true, u: true });
    expect(rights.find((r) => r.name === 'alert_preference')).toMatchObject({ s: true, i: true, u: true });
    // A hub's published year is written once and never changed nor removed (hub/release.ts).
    expect(rights.find((r) => r.name === 'hub_release')).toMatchObject({ s: true, i: true, u: false, d: false });
    // Referral tallies are counted and dropped whole, never rewritten (statistics/tally.ts).
    for (const name of ['referral_tally_month', 'referral_tally', 'screening_tally'])
      expect(rights.find((r) => r.name === name)).toMatchObject({ s: true, i: true, u: false, d: true });
  });
});

describe('the chain covers the event id', () => {
  it('two events whose ids were swapped (by the owner, triggers off) no longer verify', async () => {
    const chain = await chainOf(3);
    const rows = await db.auditEvent.findMany({ where: { chain }, orderBy: { seq: 'asc' }, select: { id: true } });
    const [a, b] = [rows[0]!.id, rows[1]!.id];
    await asApp(async (c) => {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query('UPDATE audit_event SET id = -id WHERE id = $1', [a]);
      await c.query('UPDATE audit_event SET id = $1 WHERE id = $2', [a, b]);
      await c.query('UPDATE audit_event SET id = $1 WHERE id = $2', [b, -a]);
      await c.query('COMMIT');
    }, ownerUrl);
    expect((await verifyChain(db, chain)).firstBroken).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
  });
});
