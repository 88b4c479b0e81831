import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeUser, makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { Client, killAll, startServer, until } from './server.js';

// The real server as a child process on this file's own database (cloned from the test template),
// written to by several clients at once, then killed with SIGKILL in the middle of it.
const { db, url } = await testDb();
const APP = 'jisr-fault-kill9';
const serverUrl = `${url}${url.includes('?') ? '&' : '?'}application_name=${APP}`;
const root = fileURLToPath(new URL('../..', import.meta.url));

afterAll(killAll);

/** `npm run jisr -- verify-audit` against this database, as an operator would run it after a crash. */
function verifyAuditCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'verify-audit'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Acked {
  referrals: { id: string; writer: number }[];
  notes: { id: string; caseId: string }[];
  screened: { referralId: string; caseId: string }[];
}

const count = async (sql: string, ...params: unknown[]) =>
  Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM (${sql}) q`, ...params))[0]!.n);

/**
 * Rows of one municipality that exist without the rest of their transaction ($1: the municipality,
 * $2: referrals made by factories, which have no referral.create event). Each query must find none.
 */
const HALF_WRITTEN = {
  'referral without its audit event': `SELECT 1 FROM referral r WHERE r.municipality_id = $1::uuid AND r.id <> ALL($2::uuid[])
    AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'referral.create' AND a.entity_id = r.id::text)`,
  'referral audit event without its referral': `SELECT 1 FROM audit_event a WHERE a.municipality_id = $1::uuid AND a.action = 'referral.create'
    AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.id::text = a.entity_id)`,
  'person without a referral': `SELECT 1 FROM person p WHERE p.municipality_id = $1::uuid
    AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id)`,
  'person audit event without its person': `SELECT 1 FROM audit_event a WHERE a.municipality_id = $1::uuid AND a.action = 'person.create'
    AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id::text = a.entity_id)`,
  'note without its audit event': `SELECT 1 FROM case_note n WHERE n.municipality_id = $1::uuid
    AND NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'case.note.create' AND a.detail->>'noteId' = n.id::text)`,
  'note without its timeline entry': `SELECT 1 FROM case_note n WHERE n.municipality_id = $1::uuid
    AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.kind = 'note' AND e.data->>'noteId' = n.id::text)`,
  'note audit event without its note': `SELECT 1 FROM audit_event a WHERE a.municipality_id = $1::uuid AND a.action = 'case.note.create'
    AND NOT EXISTS (SELECT 1 FROM case_note n WHERE n.id::text = a.detail->>'noteId')`,
  'case without an accepted referral': `SELECT 1 FROM case_record c LEFT JOIN referral r ON r.id = c.referral_id
    WHERE c.municipality_id = $1::uuid AND (r.id IS NULL OR r.status <> 'accepted')`,
  'case without its opening or its audit event': `SELECT 1 FROM case_record c WHERE c.municipality_id = $1::uuid
    AND (NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.kind = 'opened')
      OR NOT EXISTS (SELECT 1 FROM audit_event a WHERE a.action = 'case.open' AND a.entity_id = c.id::text))`,
  'accepted referral without its case': `SELECT 1 FROM referral r WHERE r.municipality_id = $1::uuid AND r.status = 'accepted'
    AND NOT EXISTS (SELECT 1 FROM case_record c WHERE c.referral_id = r.id)`,
};

async function halfWritten(municipalityId: string, factoryReferralIds: string[]) {
  const found: Record<string, number> = {};
  for (const [what, sql] of Object.entries(HALF_WRITTEN)) {
    found[what] = await count(sql, ...(sql.includes('$2') ? [municipalityId, factoryReferralIds] : [municipalityId]));
  }
  return found;
}

describe('kill -9 during a sustained write load', () => {
  it('loses no acknowledged write, leaves nothing half-written, keeps the audit chain whole, and starts again', {
    timeout: 240_000,
  }, async () => {
    const town = await makeTown(db);
    const municipalityId = town.town.id;
    const referrers = [
      town.socialWorker,
      ...(await Promise.all([1, 2].map(() => makeUser(db, { municipalityId, role: 'social_worker' })))),
    ];
    const cases = await Promise.all([1, 2, 3].map(() => makeCase(db, town)));

    const server = await startServer(serverUrl);
    const signedIn = async (u: { email: string; password: string }) => new Client(server.origin).signIn(u.email, u.password);
    const referrerClients = await Promise.all(referrers.map(signedIn));
    const keyWorker = await signedIn(town.socialWorker);
    const coordinator = await signedIn(town.coordinator);

    const acked: Acked = { referrals: [], notes: [], screened: [] };
    const toScreen: string[] = [];
    let acks = 0;
    let unacknowledged = 0;
    let dead = false;
    const unexpected: string[] = [];
    const ack = () => {
      acks += 1;
    };

    /** Runs `write` in a loop until the server is gone; a request that did not come back is not acknowledged. */
    async function loop(write: (i: number) => Promise<void>) {
      for (let i = 0; !dead; i++) {
        try {
          await write(i);
        } catch (err) {
          // A request the server never answered (killed, refused): its outcome is unknown to the client.
          if (err instanceof TypeError) unacknowledged += 1;
          else unexpected.push(String(err));
          if (dead) return;
        }
      }
    }
    const expectOk = (res: { status: number; body: string }) => {
      if (res.status !== 200) throw new Error(`unexpected answer before the kill: ${res.status} ${res.body}`);
    };

    const referralWriters = referrerClients.map((client, w) =>
      loop(async (i) => {
        // The key worker (writer 0) sometimes refers a person of their cases again; the others register new people.
        const input =
          w > 0 || i % 2 === 0
            ? referralInput({ newPerson: { nameLatin: `Synthetic Person ${w}-${i}`, birthYear: 1985, cohort: 'returnee' } })
            : referralInput({
                newPerson: undefined,
                personId: cases[i % cases.length]!.person.id,
                cohort: 'youth',
                consent: {
                  given: true,
                  by: 'guardian',
                  at: new Date('2026-01-14T10:00:00Z'),
                  scope: 'Support through the prevention network',
                },
              });
        const res = await client.mutate('referrals.create', input);
        expectOk(res);
        acked.referrals.push({ id: res.data.id, writer: w });
        toScreen.push(res.data.id);
        ack();
      }),
    );
    const noteWriters = [keyWorker, coordinator].map((client, w) =>
      loop(async (i) => {
        const caseId = cases[(i + w) % cases.length]!.id;
        const res = await client.mutate('cases.addNote', { caseId, body: `Synthetic note ${w}-${i}: met the family, agreed next steps.` });
        expectOk(res);
        acked.notes.push({ id: res.data.id, caseId });
        ack();
      }),
    );
    const screener = loop(async () => {
      const id = toScreen.shift();
      if (!id) {
        // Nothing to screen yet: read the queue instead, so this client keeps the server busy too.
        expectOk(await coordinator.query('referrals.queue', { limit: 5 }));
        return;
      }
      const res = await coordinator.mutate('referrals.screen', { id, decision: 'accept' });
      expectOk(res);
      acked.screened.push({ referralId: id, caseId: res.data.case.id });
      ack();
    });
    const writers = Promise.all([...referralWriters, ...noteWriters, screener]);

    // Kill it mid-load, once a good number of writes came back.
    await until('80 acknowledged writes', 120_000, () => (acks >= 80 ? true : undefined));
    dead = true;
    const how = await server.kill('SIGKILL');
    await writers;
    expect(how).toBe('SIGKILL');
    expect(unexpected).toEqual([]);
    console.log(
      `kill -9 after ${acks} acknowledged writes (${acked.referrals.length} referrals, ${acked.notes.length} notes, ${acked.screened.length} cases opened); ${unacknowledged} requests cut off`,
    );

    // The killed server's connections are gone (PostgreSQL rolled back whatever was in flight).
    await until('the killed server to leave PostgreSQL', 30_000, async () =>
      (await count(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, APP)) === 0 ? true : undefined,
    );

    // 1. Every acknowledged write is there, with its audit event (and its timeline entry).
    const referralIds = acked.referrals.map((r) => r.id);
    expect(await db.referral.count({ where: { id: { in: referralIds } } })).toBe(referralIds.length);
    expect(await db.auditEvent.count({ where: { action: 'referral.create', outcome: 'allowed', entityId: { in: referralIds } } })).toBe(
      referralIds.length,
    );
    const noteIds = acked.notes.map((n) => n.id);
    expect(await db.caseNote.count({ where: { id: { in: noteIds } } })).toBe(noteIds.length);
    expect(
      await count(`SELECT 1 FROM audit_event WHERE action = 'case.note.create' AND detail->>'noteId' = ANY($1::text[])`, noteIds),
    ).toBe(noteIds.length);
    expect(await count(`SELECT 1 FROM case_event WHERE kind = 'note' AND data->>'noteId' = ANY($1::text[])`, noteIds)).toBe(noteIds.length);
    const screenedIds = acked.screened.map((s) => s.referralId);
    expect(await db.case.count({ where: { referralId: { in: screenedIds }, id: { in: acked.screened.map((s) => s.caseId) } } })).toBe(
      screenedIds.length,
    );
    expect(await db.referral.count({ where: { id: { in: screenedIds }, status: 'accepted' } })).toBe(screenedIds.length);
    expect(await db.auditEvent.count({ where: { action: 'referral.screen', entityId: { in: screenedIds } } })).toBe(screenedIds.length);

    // 2. Nothing half-written in this municipality, acknowledged or not.
    const m = municipalityId;
    expect(
      await halfWritten(
        m,
        cases.map((c) => c.referralId),
      ),
    ).toEqual(Object.fromEntries(Object.keys(HALF_WRITTEN).map((k) => [k, 0])));
    // case references stay gap-free: the counter was not advanced by a case that rolled back
    const byYear = new Map<string, number[]>();
    for (const { reference } of await db.case.findMany({ where: { municipalityId: m }, select: { reference: true } })) {
      const year = reference.slice(0, reference.lastIndexOf('-'));
      byYear.set(year, [...(byYear.get(year) ?? []), Number(reference.slice(reference.lastIndexOf('-') + 1))]);
    }
    for (const numbers of byYear.values()) expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));

    // 3. The audit log verifies, as an operator would check it.
    const verified = await verifyAuditCli();
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(new RegExp(`^${m} +\\d+ events checked +OK$`, 'm'));
    expect(verified.code).toBe(0);

    // 4. The server starts again on the same database and serves, reads and writes.
    const again = await startServer(serverUrl);
    try {
      const client = await new Client(again.origin).signIn(town.socialWorker.email, town.socialWorker.password);
      const mine = acked.referrals.find((r) => r.writer === 0)!;
      expect((await client.query('referrals.get', { id: mine.id })).data).toMatchObject({ id: mine.id });
      const res = await client.mutate('referrals.create', referralInput());
      expect(res.status).toBe(200);
      expect(await db.auditEvent.count({ where: { action: 'referral.create', entityId: res.data.id } })).toBe(1);
    } finally {
      await again.kill('SIGTERM');
    }
  });
});
