import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referralInput } from '../helpers/referral-factories.js';
import { Client } from '../faults/server.js';
import { DEMO, DEMO_PASSWORD, dataDir, launch, origin, signIn, until, useStartHarness } from './harness.js';

useStartHarness();

describe('npm start with no DATABASE_URL, when something dies', () => {
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
});
