import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time spent by each side of a measurement, read from Linux's /proc around each round: the load
 * generator (this process: autocannon or the pg loop), the app server (bench/server.ts) and PostgreSQL
 * (the postmaster with every backend, living or ended). On one machine the three share the cores, so
 * when they are busy CPU per request is what sets latency and throughput; these figures say where it
 * goes. Elsewhere than Linux, or with a database on another machine, the missing sides read as null.
 */
export interface CpuPerRequest {
  generator: number;
  server: number | null;
  postgres: number | null;
}

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux this runs on. */
const TICK_MS = 10;

const statFields = (pid: number): string[] | null => {
  try {
    // The command name is in parentheses and may hold spaces: the fields start after its closing one.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
};

/** utime + stime (fields 14, 15), and with `ended` the children that have ended (16, 17), in ms. */
function processMs(pid: number, ended = false): number | null {
  const f = statFields(pid);
  if (!f) return null;
  const ticks = Number(f[11]) + Number(f[12]) + (ended ? Number(f[13]) + Number(f[14]) : 0);
  return ticks * TICK_MS;
}

/** The postmaster's own time, its ended children's, and its living children's (the backends). */
function postgresMs(postmaster: number): number | null {
  const own = processMs(postmaster, true);
  if (own === null) return null;
  let total = own;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === postmaster) total += processMs(Number(entry)) ?? 0;
  }
  return total;
}

/** The parent of `pid` (the postmaster of a backend), or null when /proc cannot say. */
export function parentOf(pid: number): number | null {
  const f = statFields(pid);
  return f ? Number(f[1]) : null;
}

export interface CpuProbe {
  /** Starts counting; the returned function gives CPU per request for `requests` answered since. */
  start(): (requests: number) => CpuPerRequest;
}

/** A probe of this process, the server `serverPid` and the PostgreSQL whose postmaster is `postmasterPid`. */
export function cpuProbe(sides: { serverPid: number | null; postmasterPid: number | null }): CpuProbe {
  const server = () => (sides.serverPid ? processMs(sides.serverPid) : null);
  const postgres = () => (sides.postmasterPid ? postgresMs(sides.postmasterPid) : null);
  return {
    start() {
      const before = { self: process.cpuUsage(), server: server(), postgres: postgres() };
      return (requests) => {
        const self = process.cpuUsage(before.self);
        const after = { server: server(), postgres: postgres() };
        const per = (a: number | null, b: number | null) => (a === null || b === null || requests === 0 ? null : (a - b) / requests);
        return {
          generator: (self.user + self.system) / 1000 / Math.max(requests, 1),
          server: per(after.server, before.server),
          postgres: per(after.postgres, before.postgres),
        };
      };
    },
  };
}
