import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../setup/postgres.js';
import { createDb } from '../../src/db.js';
import { verifyAll } from '../../src/audit/verify.js';
import { nameKeys } from '../../src/modules/people/names.js';
import { seedScale, fastNameKeys, SCALE_PASSWORD } from '../../src/seed/scale/seed.js';
import { syntheticName } from '../../src/seed/scale/names.js';
import { Prng } from '../../src/seed/scale/prng.js';
import { hashPassword } from '../../src/auth/password.js';
import { TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { runBench } from '../../bench/bench.js';

/** A fresh database cloned from the migrated template: the seeder and the bench want tables of their own. */
async function freshDatabase(): Promise<string> {
  const { adminUrl, template, prefix } = inject('pg');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return withDatabase(adminUrl, name);
}

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

const sizes = { people: 400, cases: 80, audit: 300, municipalities: 2, seed: 11 };

async function seedInto(url: string, seed = sizes.seed) {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  try {
    return await seedScale(pool, testKeyring, { ...sizes, seed, passwordHash: await scaleHash() });
  } finally {
    await pool.end();
  }
}
let passwordHash: string | undefined;
/** The scale accounts' password hash, made once for the file. */
async function scaleHash() {
  passwordHash ??= await hashPassword(SCALE_PASSWORD);
  return passwordHash;
}

describe('seed-scale', () => {
  // Two small loads and a verification: ~20 s alone, longer on a busy shared machine.
  it('is deterministic (same seed, same content hash), another seed differs, and its audit chains verify', {
    timeout: 120_000,
  }, async () => {
    const [a, b] = [await freshDatabase(), await freshDatabase()];
    const first = await seedInto(a);
    const again = await seedInto(b);
    expect(again.hash).toBe(first.hash);
    expect(first.counts).toMatchObject({ municipality: 2, person: 400, case_record: 80, audit_event: 300, audit_chain_head: 2 });
    // Another seed, generated without writing: a different hash.
    const other = await seedScale(new pg.Pool(), testKeyring, { ...sizes, seed: 12, passwordHash: 'unused', dryRun: true });
    expect(other.hash).not.toBe(first.hash);
    expect(other.counts.person).toBe(400);

    const handle = createDb({ url: a, poolMax: 2 });
    cleanup.push(() => handle.close());
    const reports = await verifyAll(handle.db);
    expect(reports.map((r) => r.firstBroken)).toEqual([null, null]);
    expect(reports.reduce((n, r) => n + r.checked, 0)).toBe(300);

    // Every status and stage is there, and the rows are readable as the app stores them.
    const statuses = await handle.db.referral.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'closed', 'signposted', 'submitted']);
    const stages = await handle.db.case.groupBy({ by: ['stage'], _count: true });
    expect(stages.map((s) => s.stage).sort()).toEqual([
      'assessment',
      'closed',
      'follow_up',
      'intake',
      'intervention',
      'planning',
      'review',
    ]);
    const note = await handle.db.caseNote.findFirstOrThrow({ select: { body: true } });
    expect(testKeyring.decrypt(note.body, 'case.note')).toMatch(/\(.*\d+\.\d+\)\.$/);
    const person = await handle.db.person.findFirstOrThrow({
      where: { nameArabic: { not: null }, nameLatin: null },
      select: { nameArabic: true, latinKey: true, skeleton: true },
    });
    expect(person).toMatchObject(nameKeys(person.nameArabic!));
    expect(await handle.db.disclosure.count()).toBeGreaterThan(0);
    expect(await handle.db.intervention.count()).toBeGreaterThan(0);
    expect(await handle.db.householdMember.count()).toBeGreaterThan(0);
  });

  it('computes the same name keys as the app', () => {
    const rng = new Prng(5);
    for (let i = 0; i < 3_000; i++) {
      const n = syntheticName(rng);
      for (const name of [n.arabic, n.latin]) if (name) expect(fastNameKeys(name)).toEqual(nameKeys(name));
    }
  });
});

describe('npm run bench -- --quick', () => {
  // Several hundred requests through a real server and two real `npm start`s: minutes when the machine is shared, not when it is not.
  it('runs against small data and reports every figure', { timeout: 360_000 }, async () => {
    const url = await freshDatabase();
    const out = await mkdtemp(join(tmpdir(), 'jisr-bench-'));
    cleanup.push(() => rm(out, { recursive: true, force: true }));
    const lines: string[] = [];
    const r = await runBench({ quick: true, url, keySpec: TEST_KEY_SPEC, outDir: out, log: (l) => lines.push(l) });

    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.machine.sharedBuffers).toMatch(/^\d+[kMG]B$/);
    expect(r.data.loadedSeconds).not.toBeNull();
    // The scale data's audit events come with their access links (the seed loads both).
    expect(r.data.accessLinks).toBeGreaterThan(r.data.auditEvents / 2);
    const figures = [
      ...(['coordinator', 'practitioner'] as const).flatMap((role) =>
        (['L0', 'L0prepared', 'L1', 'L2', 'L3', 'L4'] as const).map((l) => r.caseList[role][l]),
      ),
      r.referralCreation.plainPg,
      r.referralCreation.plainRoute,
      r.referralCreation.audited,
      r.personMatch.arabic,
      r.personMatch.latin,
      r.personMatch.rare,
      r.personMatch.sqlArabic,
      r.personMatch.sqlLatin,
      r.personMatch.sqlRare,
      r.keyset.first,
      r.keyset.deep,
      r.signInBurst.without,
      r.signInBurst.during,
      r.hub.figure,
    ];
    for (const f of figures) {
      expect(f.requests).toBeGreaterThan(0);
      expect(f.errors).toBe(0);
      for (const v of [f.p50, f.p99, f.rps]) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(r.caseList.coordinator.rows).toBeGreaterThan(0);
    expect(r.caseList.practitioner.rows).toBeGreaterThan(0);
    for (const v of [
      r.caseList.coordinator.ratios.p50_L4_L0,
      r.caseList.practitioner.ratios.p99_L4_L1,
      r.referralCreation.ratioToPlainRoute,
      r.keyset.ratioP50,
      r.signInBurst.ratioP99,
    ]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(r.referralCreation.writesWithoutAudit).toBe(0);
    // CPU by side for the case list and referral creation: this process and the server; the database is given
    // by URL here, so its side is not measured (the embedded one's is, from its postmaster).
    for (const f of [r.caseList.coordinator.L0, r.caseList.coordinator.L4, r.referralCreation.audited]) {
      expect(f.cpu).toMatchObject({ generator: expect.any(Number), server: expect.any(Number), postgres: null });
      expect(f.cpu!.generator).toBeGreaterThan(0);
    }
    expect(r.personMatch.arabic.cpu).toBeUndefined();
    expect(r.signInBurst.bursts).toBeGreaterThan(0);
    expect(r.targets.map((t) => t.name)).toHaveLength(18);
    // The hub's figures: one year across both cities of the data, counted afresh.
    expect(r.hub).toMatchObject({ cities: 2, year: r.statistics.year });
    expect(r.hub.cases).toBeGreaterThan(0);
    expect(r.matchQuality).toMatchObject({ people: 82, recallAt5: expect.any(Number), lookAlikeAbove: expect.any(Number) });
    expect(r.matchQuality.recallAt5).toBeGreaterThanOrEqual(0.95);
    // The access history of a case with 1,000 events, through the link table.
    expect(r.accessHistory.events).toBe(1_000);
    expect(r.accessHistory.figure.errors).toBe(0);
    // Start-up and the first page: the real npm start, the bytes as the server sent them.
    expect(r.startUp.freshSeconds).toBeGreaterThan(0);
    expect(r.startUp.warmSeconds).toBeGreaterThan(0);
    expect(r.startUp.bannerSeconds).toBeGreaterThan(0);
    expect(r.frontEnd.files.length).toBeGreaterThanOrEqual(1);
    expect(r.frontEnd.gzipKb).toBeGreaterThan(0);
    expect(r.frontEnd.gzipKb).toBeLessThan(r.frontEnd.rawKb);
    expect(r.frontEnd.brotliKb).toBeLessThan(r.frontEnd.rawKb);
    expect(r.frontEnd.cssGzipKb).toBeGreaterThan(0);
    // One language's dictionary is counted with the first page; node:zlib's brotli agrees with what was sent.
    expect(r.frontEnd.dictionary).toMatch(/^src\/i18n\/(ar|fr|en)\.ts$/);
    expect(Math.abs(r.frontEnd.brotliComputedKb - r.frontEnd.brotliKb)).toBeLessThan(1);
    // Lighthouse ran on the sign-in page (scores are reported, not held to a target here).
    expect(r.lighthouse.map((l) => l.name)).toEqual(['sign-in']);
    for (const score of [r.lighthouse[0]!.accessibility, r.lighthouse[0]!.performance]) expect(score).toBeGreaterThanOrEqual(0);
    // Where the time goes: every call timed, its statements seen (session check, its own SQL, the audit append).
    expect(r.breakdown.map((b) => b.name)).toEqual([
      'cases.list as coordinator',
      'cases.list as practitioner',
      'people.match, Latin names',
      'people.match, rare full names',
      'referrals.create',
    ]);
    for (const b of r.breakdown) {
      expect(b.calls).toBe(3);
      for (const v of [b.total, b.session, b.sql, b.audit]) expect(v).toBeGreaterThan(0);
      // The case list's common pages (cases/list-sql.ts) and a coordinator's referral (its person check) are
      // hand-written SQL: no query compiler there.
      if (b.name.startsWith('cases.list') || b.name === 'referrals.create') expect(b.compile).toBe(0);
      else expect(b.compile).toBeGreaterThan(0);
      expect(b.statements).toBeGreaterThanOrEqual(1);
      // The rest may come out below zero now: a read's audit link can overlap the statements around it.
      expect(Number.isFinite(b.rest)).toBe(true);
    }
    expect(r.signInBurst.signIns).toBeGreaterThanOrEqual(50);

    const files = await readdir(out);
    expect(files.filter((f) => f.endsWith('-quick.json'))).toHaveLength(1);
    expect(files).toContain('latest-quick.md');
    const md = await readFile(join(out, 'latest-quick.md'), 'utf8');
    for (const heading of [
      'Authorised case list as coordinator',
      'Authorised case list as practitioner',
      'Referral creation',
      'Person matching',
      'Keyset pagination',
      'Hub figures',
      'Sign-in burst',
      'Where one request',
      'Start-up and the first page',
      'Lighthouse',
      'cores',
      'CPU ms/request: load / app / PostgreSQL = all',
    ]) {
      expect(md).toContain(heading);
    }
  });
});
