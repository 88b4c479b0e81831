/**
 * How the `npm start` tests launch the app as a new user runs it (embedded PostgreSQL, demo data), each in a
 * process group of its own, and clean up after them. Imported by tests/start/start*.test.ts (one server port and
 * set of data folders per test file, which calls useStartHarness(); the files run in parallel).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { freePort } from '../../src/embedded.js';

export const DEMO_PASSWORD = 'jisr-demo-2026';
export const DEMO = {
  socialWorker: 'social.worker@demo.jisr.local',
  coordinator: 'coordinator@demo.jisr.local',
  auditor: 'auditor@demo.jisr.local',
};

// `npm start` without DATABASE_URL, as a new user runs it: embedded PostgreSQL, migrations, demo data.
// The file's own port, chosen before its tests (useStartHarness).
export let port = 0;
export let origin = '';
const dirs: string[] = [];
const launched: Launched[] = [];

export async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'jisr-start-'));
  await chmod(dir, 0o777);
  dirs.push(dir);
  return dir;
}

export interface Launched {
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
export function launch(dir: string, extra: NodeJS.ProcessEnv = {}, how: 'node' | 'npm start' = 'node'): Launched {
  const env: NodeJS.ProcessEnv = { ...process.env, JISR_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  // With 'npm start', `child` is npm itself, as a supervisor that runs the README's command sees it.
  const [program, args] = how === 'npm start' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
export async function until(condition: () => boolean, what: string, limitMs = 60_000) {
  for (const begun = Date.now(); !condition(); ) {
    if (Date.now() - begun > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((tick) => setTimeout(tick, 25));
  }
}

export async function signIn(email: string) {
  return fetch(`${origin}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
}

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

/**
 * The file's port, and its apps killed and data folders removed after each test and after the file.
 * Call it at the top level of every file that launches apps: a worker that keeps this module from file
 * to file (isolate: false) would otherwise register these hooks for its first file only.
 */
export function useStartHarness() {
  beforeAll(async () => {
    port = await freePort();
    origin = `http://127.0.0.1:${port}`;
  });
  // A failure (a timeout above all) shows what each app printed.
  beforeEach(({ onTestFailed }) => {
    const before = launched.length;
    onTestFailed(() => {
      for (const run of launched.slice(before))
        console.error(`--- the app (exit code ${run.child.exitCode}, signal ${run.child.signalCode}) printed:\n${run.output()}`);
    });
  });
  afterEach(killGroups);
  afterAll(async () => {
    killGroups();
    launched.length = 0;
    // PostgreSQL may still be writing as it dies: try the removal a few times.
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
}
