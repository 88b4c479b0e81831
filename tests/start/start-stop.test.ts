import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TEST_KEY_SPEC } from '../helpers/callers.js';
import { dataDir, launch, origin, until, useStartHarness } from './harness.js';

useStartHarness();

describe('npm start with no DATABASE_URL, stopped half-way', () => {
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

  it('stops everything when a supervisor sends SIGTERM to npm alone (npm start hands the signal to the app)', {
    timeout: 120_000,
  }, async () => {
    const dir = await dataDir();
    const run = launch(dir, {}, 'npm start');
    await run.ready;
    const pidFile = join(dir, 'postgres', 'postmaster.pid');
    const server = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    // npm, not its group: a shell between npm and the app would die here and leave the app serving.
    run.child.kill('SIGTERM');
    await run.exited;
    await until(() => !existsSync(pidFile), 'the embedded PostgreSQL to stop', 30_000);
    expect(() => process.kill(server, 0)).toThrow();
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
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
