import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { TEST_KEY_SPEC } from '../helpers/callers.js';
import { freePort } from '../../src/embedded.js';

const run = promisify(execFile);
// A sibling of src/, prisma/ and web/, as dist/ is: the compiled code finds the migrations and the web build beside it.
const OUT = resolve('.dist-test');

afterAll(() => rm(OUT, { recursive: true, force: true }));

describe('production is plain Node', () => {
  it('compiles to JavaScript that serves as the runtime role and runs the CLI with node alone, no tsx', { timeout: 180_000 }, async () => {
    // Types are npm test's type check (tsconfig.json covers src/ with the same options): here, the emitted code.
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', OUT, '--noCheck']);
    const help = await run(process.execPath, [join(OUT, 'cli/index.js'), 'help']);
    expect(help.stdout).toContain('verify-audit');
    // A production install has no tsx: its help names the command that works there.
    expect(help.stdout).toContain('Usage: node dist/cli/index.js <command>');
    expect(help.stdout).not.toContain('npm run jisr');

    const { url } = await testDb();
    const port = await freePort();
    const server = spawn(process.execPath, [join(OUT, 'main.js')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: url,
        JISR_DATA_KEY: TEST_KEY_SPEC,
        PORT: String(port),
        JOBS: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (c) => (output += c));
    server.stderr.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((ok) => server.once('exit', ok));
    try {
      let status = 0;
      while (status !== 200 && server.exitCode === null) {
        status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) await new Promise((tick) => setTimeout(tick, 50));
      }
      expect(status, output).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`)).headers.get('content-type')).toContain('text/html');
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/tsx/);
  });

  it('installs without dev dependencies: the postinstall step builds nothing when the tools are absent', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'jisr-prod-install-'));
    try {
      const { stdout } = await run(process.execPath, [resolve('scripts/postinstall.mjs')], { cwd: empty });
      expect(stdout).toContain('production install');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
