import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_KEY_SPEC } from '../helpers/callers.js';
import { testDb } from '../helpers/db.js';
import { dataDir, launch, origin, signIn, until, useStartHarness } from './harness.js';

useStartHarness();

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
