/**
 * `npm run load [-- --quick] [--seconds N] [--max C]`: issue 6's load test. A realistic mix of
 * requests (case lists, case pages, note writes, sign-ins, name matching) through the real app at
 * increasing concurrency until throughput stops growing (saturation); reports throughput, p50/p99
 * and error rate per step, and writes bench/results/<timestamp>-load.{json,md} and latest-load.md.
 * Same database as `npm run bench` (DATABASE_URL + JISR_DATA_KEY, or the embedded one).
 */
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SCALE_PASSWORD, scaleAccounts } from '../src/seed/scale/seed.js';
import { openBenchDatabase, FULL, QUICK } from './db.js';
import { startServer, queryPath, mutation, send, signIn } from './client.js';
import { httpRun, type Request, type Run } from './measure.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, seconds: { type: 'string' }, max: { type: 'string' }, out: { type: 'string' } },
});
const quick = values.quick!;
const seconds = Number(values.seconds ?? (quick ? 3 : 10));
const maxConnections = Number(values.max ?? 128);
const outDir = values.out ?? 'bench/results';
const log = (l: string) => console.log(l);

const database = await openBenchDatabase(quick ? QUICK : FULL, {
  url: process.env.DATABASE_URL,
  keySpec: process.env.JISR_DATA_KEY,
  dataDir: process.env.JISR_DATA_DIR ?? '.data',
  log,
});
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
const server = await startServer({ url: database.url, keySpec: database.keySpec, municipalityId: database.town.id });
try {
  const base = server.base;
  const accounts = scaleAccounts(0);
  const town = database.town.id;
  const coordinator = await signIn(base, accounts.coordinator, SCALE_PASSWORD);
  const practitioner = await signIn(base, accounts.practitioner, SCALE_PASSWORD);
  const cases = (
    await pool.query<{ id: string }>('SELECT id FROM case_record WHERE municipality_id = $1 ORDER BY md5(id::text) LIMIT 40', [town])
  ).rows.map((r) => r.id);
  const disclosed = (
    await pool.query<{ id: string }>(
      `SELECT DISTINCT d.case_id AS id FROM disclosure d JOIN app_user u ON u.agency_id = d.agency_id
        WHERE u.email = $1 AND d.revoked_at IS NULL AND d.expires_at > now() LIMIT 10`,
      [accounts.practitioner],
    )
  ).rows.map((r) => r.id);
  const signInAccounts = accounts.all(50);

  // One connection's cycle of 20 requests: what a working day's traffic looks like, roughly.
  const coord = { cookie: coordinator };
  const prac = { cookie: practitioner };
  const mix: { kind: string; req: Request }[] = [];
  const stages = [undefined, 'intervention', 'assessment', undefined, 'review', 'planning'];
  for (let i = 0; i < 6; i++)
    mix.push({
      kind: 'case list (coordinator)',
      req: { path: queryPath('trpc', 'cases.list', stages[i] ? { stage: stages[i] } : {}), headers: coord },
    });
  for (let i = 0; i < 2; i++)
    mix.push({ kind: 'case list (practitioner)', req: { path: queryPath('trpc', 'cases.list', {}), headers: prac } });
  for (let i = 0; i < 6; i++)
    mix.push({
      kind: 'case page (coordinator)',
      req: { path: queryPath('trpc', 'cases.get', { id: cases[i % cases.length] }), headers: coord },
    });
  if (disclosed.length)
    mix.push({ kind: 'case page (practitioner)', req: { path: queryPath('trpc', 'cases.get', { id: disclosed[0] }), headers: prac } });
  for (let i = 0; i < 3; i++) {
    mix.push({
      kind: 'note write',
      req: mutation(
        'cases.addNote',
        { caseId: cases[(i * 7) % cases.length], body: `Load test note ${i}: synthetic follow-up after a home visit.` },
        coordinator,
      ),
    });
  }
  mix.push({ kind: 'sign-in', req: mutation('auth.login', { email: signInAccounts[0], password: SCALE_PASSWORD }) });
  mix.push({ kind: 'name match', req: { path: queryPath('trpc', 'people.match', { name: 'Mohamed Ben Salem' }), headers: coord } });
  for (const m of mix) {
    const res = await send(base, m.req);
    if (res.status !== 200) throw new Error(`${m.kind}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  const kinds = [...new Set(mix.map((m) => m.kind))].map((k) => `${mix.filter((m) => m.kind === k).length}× ${k}`);
  log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model}), load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  log(`Mix per 20 requests: ${kinds.join(', ')}; ${seconds} s a step`);

  // Warm up, then double the concurrency until throughput stops growing.
  await httpRun(
    base,
    mix.map((m) => m.req),
    2,
    Math.min(3, seconds),
  );
  const steps: (Run & { connections: number; errorRate: number })[] = [];
  let best = 0;
  let flat = 0;
  for (let c = 1; c <= maxConnections; c *= 2) {
    const run = await httpRun(
      base,
      mix.map((m) => m.req),
      c,
      seconds,
    );
    const errorRate = run.errors / Math.max(1, run.requests + run.errors);
    steps.push({ ...run, connections: c, errorRate });
    log(
      `  ${String(c).padStart(3)} connections  ${run.rps.toFixed(1).padStart(7)} req/s  p50 ${run.p50.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms  errors ${run.errors} (${(errorRate * 100).toFixed(2)} %)`,
    );
    if (run.rps > best * 1.05) {
      best = Math.max(best, run.rps);
      flat = 0;
    } else if (++flat >= 2) break;
    if (errorRate > 0.05) break;
  }
  const peak = steps.reduce((a, b) => (b.rps > a.rps ? b : a));
  const saturatedAt = steps.find((s) => s.rps >= peak.rps * 0.95)!;
  const result = {
    startedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg() },
    mix: kinds,
    secondsPerStep: seconds,
    steps,
    peak: { connections: peak.connections, rps: peak.rps, p50: peak.p50, p99: peak.p99 },
    saturation: { connections: saturatedAt.connections, rps: saturatedAt.rps },
    errorsBelowSaturation: steps.filter((s) => s.connections < saturatedAt.connections).reduce((n, s) => n + s.errors, 0),
    serverErrors: server.errors(),
  };
  const md = [
    `# Jisr load test (${result.mode}) — ${result.startedAt}`,
    '',
    `Machine: ${result.machine.cores} cores (${result.machine.cpu}), load average after ${result.machine.loadAverage.map((n) => n.toFixed(1)).join(' ')}.`,
    `Mix per 20 requests: ${kinds.join(', ')}. ${seconds} s per step.`,
    '',
    '| connections | req/s | p50 ms | p99 ms | errors | error rate |',
    '|---:|---:|---:|---:|---:|---:|',
    ...steps.map(
      (s) =>
        `| ${s.connections} | ${s.rps.toFixed(1)} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.errors} | ${(s.errorRate * 100).toFixed(2)} % |`,
    ),
    '',
    `Peak ${peak.rps.toFixed(1)} req/s at ${peak.connections} connections; saturation (95 % of peak) from ${saturatedAt.connections} connections. Errors below saturation: ${result.errorsBelowSaturation}.`,
    '',
    '## Server errors',
    '',
    Object.entries(result.serverErrors)
      .map(([k, n]) => `- ${n}× ${k}`)
      .join('\n') || 'None.',
    '',
  ].join('\n');
  await mkdir(outDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  await writeFile(join(outDir, `${stamp}-load-${result.mode}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(outDir, `${stamp}-load-${result.mode}.md`), md);
  await writeFile(join(outDir, `latest-load${quick ? '-quick' : ''}.md`), md);
  log(`\n${md}`);
} finally {
  await server.stop();
  await pool.end();
  await database.stop();
}
process.exit(0);
