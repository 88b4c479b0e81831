import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid in a data folder's postmaster.pid when that process is still a running PostgreSQL, else null. */
async function runningServer(dir: string): Promise<number | null> {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number((await readFile(file, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  // Where /proc exists, make sure the pid was not reused by something else since.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null || cmdline.includes('postgres') ? pid : null;
}

/**
 * Stops a PostgreSQL that an earlier app left running on this data folder (the app was killed with
 * kill -9, by the OOM killer or a crash, so it could not stop its server): a fast shutdown, then an
 * immediate one if it takes more than 10 s. Returns its pid, or null when there was none.
 */
export async function stopLeftoverServer(dir: string): Promise<number | null> {
  const pid = await runningServer(dir);
  if (pid === null) return null;
  const gone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; ) {
      if (!alive(pid)) return true;
      await new Promise((tick) => setTimeout(tick, 50));
    }
    return !alive(pid);
  };
  process.kill(pid, 'SIGINT');
  if (!(await gone(10_000))) {
    process.kill(pid, 'SIGQUIT');
    if (!(await gone(5_000)))
      throw new Error(`A PostgreSQL (pid ${pid}) is still running on ${dir} and would not stop; stop it, then start again.`);
  }
  return pid;
}

/**
 * Ties the embedded server's life to the app's: a small detached process that asks the server to shut down
 * fast as soon as the app is gone, however it died (kill -9 included), and ends with either. It ignores a
 * terminal's Ctrl-C, which the app handles itself.
 */
export function watchOver(appPid: number, serverPid: number) {
  const script = `
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});
    const [app, server] = process.argv.slice(1).map(Number);
    const alive = (p) => { try { process.kill(p, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
    setInterval(() => {
      if (!alive(server)) process.exit(0);
      if (!alive(app)) { try { process.kill(server, 'SIGINT'); } catch {} process.exit(0); }
    }, 250);`;
  const child = spawn(process.execPath, ['-e', script, String(appPid), String(serverPid)], { detached: true, stdio: 'ignore' });
  child.unref();
}
