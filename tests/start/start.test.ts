import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Socket } from 'node:net';
import { freePort } from '../../src/embedded.js';
import { TEST_KEY_SPEC } from '../helpers/callers.js';
import { testDb } from '../helpers/db.js';
import { referralInput } from '../helpers/referral-factories.js';
import { Client } from '../faults/server.js';

const DEMO_PASSWORD = 'jisr-demo-2026';
const DEMO = {
  socialWorker: 'social.worker@demo.jisr.local',
  coordinator: 'coordinator@demo.jisr.local',
  auditor: 'auditor@demo.jisr.local',
};

// `npm start` without DATABASE_URL, as a new user runs it: embedded PostgreSQL, migrations, demo data.
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const dirs: string[] = [];
const launched: Launched[] = [];

async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'jisr-start-'));
  await chmod(dir, 0o777);
  dirs.push(dir);
  return dir;
}

interface Launched {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Settles when the banner is out; rejects if it exits first. */
  ready: Promise<void>;
  /** Its exit code (null: killed by a signal it did not handle). */
  exited: Promise<number | null>;
}

/**
 * Each app runs in a process group of its own, as a terminal gives `npm start`: `child.kill` signals the
 * app alone, `process.kill(-pid)` the group (a terminal's Ctrl-C), and the teardown can kill whatever a
 * failed test left behind, its PostgreSQL included.
 */
function launch(dir: string, extra: NodeJS.ProcessEnv = {}): Launched {
  const env: NodeJS.ProcessEnv = { ...process.env, JISR_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const ready = new Promise<void>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Ctrl-C stops')) ok();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => fail(new Error(`exited ${code} before it was ready:\n${output}`)));
  });
  // A test that never waits for the banner (a stop half-way through the start) must not leave its rejection unhandled.
  ready.catch(() => undefined);
  const run = { child, output: () => output, ready, exited };
  launched.push(run);
  return run;
}

/** Checks `condition` every 25 ms until it holds (a file another process writes has no event to wait on). */
async function until(condition: () => boolean, what: string, limitMs = 60_000) {
  for (const begun = Date.now(); !condition(); ) {
    if (Date.now() - begun > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((tick) => setTimeout(tick, 25));
  }
}

async function signIn(email: string) {
  return fetch(`${origin}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
}

// A failure (a timeout above all) shows what each app printed.
beforeEach(({ onTestFailed }) => {
  const before = launched.length;
  onTestFailed(() => {
    for (const run of launched.slice(before))
      console.error(`--- the app (exit code ${run.child.exitCode}, signal ${run.child.signalCode}) printed:\n${run.output()}`);
  });
});

/** Kills every process of each app's group: whatever a failed test left (its PostgreSQL too) is gone before the next test. */
function killGroups() {
  for (const { child } of launched) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* the group is gone: everything in it stopped */
    }
  }
}

afterEach(killGroups);
afterAll(async () => {
  killGroups();
  // PostgreSQL may still be writing as it dies: try the removal a few times.
  for (const dir of dirs) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

describe('npm start with no DATABASE_URL', () => {
  it('starts an embedded database with demo data, stops cleanly on Ctrl-C, and keeps the data', { timeout: 120_000 }, async () => {
    const dir = await dataDir();
    const first = launch(dir);
    await first.ready;
    expect(first.output()).toContain(`Jisr is running at ${origin}`);
    expect(first.output()).toContain('(demo data created)');
    expect(first.output()).toContain('coordinator@demo.jisr.local');
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    if (existsSync('web/dist/index.html')) {
      const page = await fetch(`${origin}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
    expect((await signIn('auditor@demo.jisr.local')).status).toBe(200);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = launch(dir);
    await second.ready;
    expect(second.output()).not.toContain('(demo data created)');
    expect((await signIn('admin@demo.jisr.local')).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('anchors the demo log outside the database at start, with a signing key only its owner reads', { timeout: 120_000 }, async () => {
    const dir = await dataDir();
    const app = launch(dir);
    await app.ready;
    // The start-up turn of the checkpoint job signs the demo municipality's chain head into the data folder:
    // wait for a whole line (the file can exist a moment before its first line is written).
    const written = () =>
      existsSync(join(dir, 'checkpoints')) &&
      readdirSync(join(dir, 'checkpoints')).find(
        (f) => f.endsWith('.jsonl') && readFileSync(join(dir, 'checkpoints', f), 'utf8').includes('\n'),
      );
    await until(() => Boolean(written()), 'a checkpoint line');
    const file = written() as string;
    const checkpoint = JSON.parse(
      readFileSync(join(dir, 'checkpoints', file), 'utf8')
        .trim()
        .split('\n')[0]!,
    );
    expect(checkpoint).toMatchObject({
      v: 1,
      chain: file.replace('.jsonl', ''),
      seq: expect.any(Number),
      key: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(statSync(join(dir, 'audit-signing-key')).mode & 0o077).toBe(0);
    const cookie = (await signIn('auditor@demo.jisr.local')).headers.get('set-cookie')!.split(';')[0]!;
    const anchors = await fetch(`${origin}/trpc/audit.anchors`, { headers: { cookie } });
    expect(
      ((await anchors.json()) as { result: { data: { json: { configured: boolean; stopped: boolean } } } }).result.data.json,
    ).toMatchObject({ configured: true, stopped: false });
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  });

  it('survives a kill -9 of the app: its PostgreSQL is stopped, and the next start works', { timeout: 120_000 }, async () => {
    const dir = await dataDir();
    const first = launch(dir);
    await first.ready;
    const pidFile = join(dir, 'postgres', 'postmaster.pid');
    const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(first.child.pid!, 'SIGKILL');
    await first.exited;
    // The watchdog asks PostgreSQL to shut down as soon as the app is gone.
    const running = () => {
      try {
        process.kill(pgPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await until(() => !existsSync(pidFile) && !running(), 'the orphaned PostgreSQL to stop', 30_000);
    const second = launch(dir);
    await second.ready;
    expect((await signIn('coordinator@demo.jisr.local')).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('loses no acknowledged write when the app is killed with SIGKILL under a write load, and its chain still verifies', {
    timeout: 180_000,
  }, async () => {
    const dir = await dataDir();
    const first = launch(dir);
    await first.ready;
    const pidFile = join(dir, 'postgres', 'postmaster.pid');
    const writers = await Promise.all([0, 1, 2, 3].map(() => new Client(origin).signIn(DEMO.socialWorker, DEMO_PASSWORD)));
    const acked: string[] = [];
    let killed = false;
    // Four writers send referrals one after another until the app is killed; only answered ones count.
    const load = writers.map(async (client, w) => {
      for (let i = 0; !killed; i++) {
        const res = await client
          .mutate('referrals.create', referralInput({ concernText: `Synthetic concern of writer ${w}, number ${i}.` }))
          .catch(() => null);
        if (res?.status === 200) acked.push(res.data.id);
      }
    });
    await until(() => acked.length >= 60, 'sixty acknowledged referrals', 120_000);
    process.kill(first.child.pid!, 'SIGKILL');
    killed = true;
    await Promise.all(load);
    await first.exited;
    await until(() => !existsSync(pidFile), 'the orphaned PostgreSQL to stop', 30_000);

    const second = launch(dir);
    await second.ready;
    const coordinator = await new Client(origin).signIn(DEMO.coordinator, DEMO_PASSWORD);
    const missing: string[] = [];
    for (const id of acked) if ((await coordinator.query('referrals.get', { id })).status !== 200) missing.push(id);
    expect(missing, `acknowledged referrals lost after the kill (of ${acked.length})`).toEqual([]);
    const auditor = await new Client(origin).signIn(DEMO.auditor, DEMO_PASSWORD);
    const verified = await auditor.mutate('audit.verify', undefined);
    expect(verified.status).toBe(200);
    expect(verified.data.firstBroken).toBeNull();
    expect(verified.data.checked).toBeGreaterThan(acked.length);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('stops with PostgreSQL’s words when the embedded server dies under it, instead of answering 503 for ever', {
    timeout: 120_000,
  }, async () => {
    const dir = await dataDir();
    const app = launch(dir);
    await app.ready;
    const pgPid = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pgPid, 'SIGQUIT'); // an immediate shutdown, as a crash or an operator's kill would leave it
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('The embedded PostgreSQL stopped unexpectedly, so Jisr stops too');
  });

  it('stops the embedded database it had started when Ctrl-C comes half-way through the start', { timeout: 120_000 }, async () => {
    const dir = await dataDir();
    const run = launch(dir);
    const pidFile = join(dir, 'postgres', 'postmaster.pid');
    // PostgreSQL has begun (initdb's single-user runs or the server itself write this file): the start is
    // under way, the migrations and the demo data are not done yet.
    await until(() => existsSync(pidFile) || run.child.exitCode !== null, 'the embedded PostgreSQL');
    expect(run.child.exitCode, run.output()).toBeNull();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('Jisr is running');
    expect(existsSync(pidFile)).toBe(false);
  });

  it("stops cleanly on a terminal's Ctrl-C, which reaches the whole process group and so PostgreSQL first", {
    timeout: 120_000,
  }, async () => {
    const dir = await dataDir();
    const run = launch(dir);
    await run.ready;
    // At the banner the job runner is still starting: PostgreSQL's fast shutdown cancels its statements.
    process.kill(-run.child.pid!, 'SIGINT');
    expect(await run.exited, run.output()).toBe(0);
    expect(existsSync(join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
    // PostgreSQL may close connections before Node has run its handler: the one-line warnings of the pool
    // and the job runner are allowed; a stack trace or a failed stop is not.
    expect(run.output()).not.toMatch(/stopping failed|Error|\n\s+at /);
  });

  it('stops at once on a second Ctrl-C while a start step hangs (a database that takes the connection and never answers)', {
    timeout: 120_000,
  }, async () => {
    const connections: Socket[] = [];
    let connected!: () => void;
    const reached = new Promise<void>((ok) => (connected = ok));
    const silent = createServer((socket) => {
      connections.push(socket);
      connected();
    });
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    const address = silent.address();
    const dbPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = launch(await dataDir(), {
        DATABASE_URL: `postgresql://jisr:unused@127.0.0.1:${dbPort}/jisr`,
        JISR_DATA_KEY: TEST_KEY_SPEC,
      });
      await reached;
      run.child.kill('SIGINT');
      await until(
        () => run.output().includes('send it again to stop at once') || run.child.exitCode !== null,
        'the first Ctrl-C to be heard',
      );
      expect(run.child.exitCode, run.output()).toBeNull();
      // A second signal counts from a second after the first (sooner, it is a relayed copy of it).
      await new Promise((later) => setTimeout(later, 1_100));
      run.child.kill('SIGINT');
      expect(await run.exited, run.output()).toBe(130);
      expect(run.output()).toContain('SIGINT again: stopping at once');
    } finally {
      for (const socket of connections) socket.destroy();
      silent.close();
    }
  });
});

describe('npm start in production', () => {
  it('refuses, in one line, to run as a superuser or the owner of the audit log, and starts as a member of jisr_app', {
    timeout: 120_000,
  }, async () => {
    const { url, ownerUrl } = await testDb();
    const production = { NODE_ENV: 'production', JISR_DATA_KEY: TEST_KEY_SPEC, JOBS: 'off' };
    const refused = launch(await dataDir(), { ...production, DATABASE_URL: ownerUrl });
    expect(await refused.exited).toBe(1);
    const lines = refused
      .output()
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('AUDIT_SIGNING_KEY'));
    expect(lines).toEqual([expect.stringMatching(/^Refusing to start: the database role "\w+" is a superuser, .*MIGRATION_DATABASE_URL/)]);

    const served = launch(await dataDir(), { ...production, DATABASE_URL: url });
    // In production there is no banner: it is up when /healthz answers.
    let health = 0;
    while (health !== 200 && served.child.exitCode === null) {
      health = await fetch(`${origin}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (health !== 200) await new Promise((tick) => setTimeout(tick, 50));
    }
    expect(health).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });
});
