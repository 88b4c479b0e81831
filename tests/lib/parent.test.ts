import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'jisr-parent-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('watchParent (npm start stops with whatever started it)', () => {
  it('is told once its parent is gone, and not while the parent lives', { timeout: 30_000 }, async () => {
    // The app: watches its parent, says so, and says when the parent is gone.
    const app = join(dir, 'app.mjs');
    await writeFile(
      app,
      `const { watchParent } = await import(${JSON.stringify(new URL('../../src/lib/parent.ts', import.meta.url).href)});
       watchParent(process.ppid, () => { console.log('gone'); process.exit(0); }, 20);
       console.log('pid ' + process.pid);
       // Ten of its checks later, with the parent alive, it says it is still here.
       setTimeout(() => console.log('still here'), 200);
       setInterval(() => {}, 1000);`,
    );
    // Its parent (a shell, npm), which only waits for it.
    const parent = spawn(
      process.execPath,
      ['-e', `require('node:child_process').spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(app)}], { stdio: 'inherit' });`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let said = '';
    parent.stdout!.on('data', (chunk) => (said += chunk));
    try {
      while (!said.includes('still here')) await once(parent.stdout!, 'data');
      expect(said).not.toContain('gone');
      parent.kill('SIGKILL');
      while (!said.includes('gone')) await once(parent.stdout!, 'data');
      expect(said.match(/gone/g)).toHaveLength(1);
    } finally {
      // Whatever happened, the "app" is not left running.
      const pid = Number(/pid (\d+)/.exec(said)?.[1]);
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        /* it had stopped by itself, as it should */
      }
    }
  });
});
