import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/embedded.js';

// `npm start` without DATABASE_URL, as a new user runs it: embedded PostgreSQL, migrations, demo data.
const dataDir = await mkdtemp(join(tmpdir(), 'jisr-start-'));
await chmod(dataDir, 0o777);
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const running: ChildProcess[] = [];

function spawnApp(dir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, JISR_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return child;
}

function start(): Promise<{ child: ChildProcess; output: string }> {
  const child = spawnApp(dataDir);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Ctrl-C stops')) resolve({ child, output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code} before it was ready:\n${output}`)));
  });
}

/** Checks `condition` every 25 ms until it holds (a file another process writes has no event to wait on). */
async function until(condition: () => boolean, what: string, limitMs = 60_000) {
  for (const begun = Date.now(); !condition(); ) {
    if (Date.now() - begun > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((tick) => setTimeout(tick, 25));
  }
}

const exited = (child: ChildProcess) => new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

async function signIn(email: string) {
  return fetch(`${origin}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ json: { email, password: 'jisr-demo-2026' } }),
  });
}

const midStartDir = await mkdtemp(join(tmpdir(), 'jisr-start-'));
await chmod(midStartDir, 0o777);

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  await rm(midStartDir, { recursive: true, force: true });
});

describe('npm start with no DATABASE_URL', () => {
  it('starts an embedded database with demo data, stops cleanly on Ctrl-C, and keeps the data', { timeout: 120_000 }, async () => {
    const first = await start();
    expect(first.output).toContain(`Jisr is running at ${origin}`);
    expect(first.output).toContain('(demo data created)');
    expect(first.output).toContain('coordinator@demo.jisr.local');
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    if (existsSync('web/dist/index.html')) {
      const page = await fetch(`${origin}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
    expect((await signIn('auditor@demo.jisr.local')).status).toBe(200);
    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);

    const second = await start();
    expect(second.output).not.toContain('(demo data created)');
    expect((await signIn('admin@demo.jisr.local')).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  });

  it('stops the embedded database it had started when Ctrl-C comes half-way through the start', { timeout: 120_000 }, async () => {
    const child = spawnApp(midStartDir);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += String(chunk)));
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    const pidFile = join(midStartDir, 'postgres', 'postmaster.pid');
    // The database server is up, the migrations and the demo data are not done yet.
    await until(() => existsSync(pidFile) || child.exitCode !== null, 'the embedded PostgreSQL');
    expect(child.exitCode, output).toBeNull();
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    expect(output).not.toContain('Jisr is running');
    expect(existsSync(pidFile)).toBe(false);
  });
});
