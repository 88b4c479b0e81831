import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, mkdir, chmod, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/embedded.js';
import { running, stopLeftoverServer } from '../../src/embedded-leftover.js';
import { StartRefused } from '../../src/lib/shutdown.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const childrenOf = (ppid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid;
      } catch {
        return false;
      }
    })
    .map(Number);

const started: ChildProcess[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

/** A data folder the server (run as "postgres" when the tests run as root) can reach. */
async function folder() {
  const parent = await mkdtemp(join(tmpdir(), 'jisr-leftover-'));
  await chmod(parent, 0o777);
  folders.push(parent);
  return join(parent, 'data');
}

/**
 * A process that is not PostgreSQL, living until the test ends, with "postgres -D <dir>" in its command line
 * and `dir` as its working folder: everything but the program.
 */
async function decoy(dir: string) {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'postgres', '-D', dir], { cwd: dir });
  started.push(child);
  await once(child, 'spawn');
  return child.pid!;
}

describe('a PostgreSQL left running on the data folder', () => {
  it('whose app died (kill -9, its watcher too) is stopped, and the folder starts again', { timeout: 120_000 }, async () => {
    const dir = await folder();
    expect(await stopLeftoverServer(dir)).toBeNull();
    // An "app" in a process of its own, which starts the server and then dies with its watcher.
    const app = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { startEmbeddedPostgres } = await import(${JSON.stringify(new URL('../../src/embedded.ts', import.meta.url).href)});
         await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, database: 'postgres' }); console.log('up');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    started.push(app);
    let said = '';
    for await (const chunk of app.stdout!) {
      said += chunk;
      if (said.includes('up')) break;
    }
    const server = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // While that app lives, its server is its own: another start is refused and names it.
    await expect(stopLeftoverServer(dir)).rejects.toThrow(`Another Jisr (pid ${app.pid})`);
    expect(alive(server)).toBe(true);
    for (const pid of childrenOf(app.pid!)) if (pid !== server) process.kill(pid, 'SIGKILL');
    app.kill('SIGKILL');
    await once(app, 'exit');
    expect(alive(server)).toBe(true);

    expect(await stopLeftoverServer(dir)).toBe(server);
    // Stopped; whoever it was handed to may not have reaped it yet.
    expect(running(server)).toBe(false);
    const again = await startEmbeddedPostgres({ dir, database: 'postgres' });
    await again.stop();
  });

  it('whose app is alive is that app’s: the start is refused, naming it, and its server keeps running', {
    timeout: 120_000,
  }, async () => {
    const dir = await folder();
    // Started by this process, which is still here: a second app on the same folder must not stop it.
    const first = await startEmbeddedPostgres({ dir, database: 'postgres' });
    try {
      const server = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      const refusal = await stopLeftoverServer(dir).catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(StartRefused);
      expect((refusal as Error).message).toContain(`Another Jisr (pid ${process.pid})`);
      expect((refusal as Error).message).toContain(`PostgreSQL (pid ${server})`);
      expect(alive(server)).toBe(true);
      // So is a second start of the embedded server there.
      await expect(startEmbeddedPostgres({ dir, database: 'postgres' })).rejects.toBeInstanceOf(StartRefused);
      expect(alive(server)).toBe(true);
    } finally {
      await first.stop();
    }
  });

  it('is never another program that took its pid, even one working in the folder with "postgres -D" in its command line', async () => {
    const dir = await folder();
    await mkdir(dir, { recursive: true });
    const other = await decoy(dir);
    await writeFile(join(dir, 'postmaster.pid'), `${other}\n${dir}\n`);
    expect(await stopLeftoverServer(dir)).toBeNull();
    expect(alive(other)).toBe(true);
    // A pid that is gone: nothing to stop either.
    await writeFile(join(dir, 'postmaster.pid'), '4194305\n');
    expect(await stopLeftoverServer(dir)).toBeNull();
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
  });

  it('a start PostgreSQL refuses is told in its own words, as something to act on (no stack trace)', { timeout: 60_000 }, async () => {
    const dir = await folder();
    await mkdir(dir, { recursive: true });
    // A folder that looks initialised (so no initdb) but holds no configuration.
    await writeFile(join(dir, 'PG_VERSION'), '17\n');
    const refusal = await startEmbeddedPostgres({ dir, database: 'postgres' }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(StartRefused);
    expect((refusal as Error).message).toMatch(/Could not start the embedded PostgreSQL[\s\S]*PostgreSQL said:\n.*postgresql\.conf/);
  });

  it('counts a zombie (ended, not yet reaped) as stopped, though signal 0 still finds it', { timeout: 30_000 }, async () => {
    // A shell that starts a short child and replaces itself with a program that never reaps it (the child
    // outlives the shell's part by a moment, so the shell cannot reap it either).
    const parent = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(parent);
    const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
    const zombie = Number(String(chunk).trim());
    const state = () => {
      const stat = readFileSync(`/proc/${zombie}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    };
    // The child ends; its parent (now `sleep 30`) never waits for it.
    while (state() !== 'Z') await new Promise((tick) => setTimeout(tick, 10));
    expect(alive(zombie)).toBe(true);
    expect(running(zombie)).toBe(false);
    expect(running(parent.pid!)).toBe(true);
  });
});
