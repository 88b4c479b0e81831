import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuProbe, parentOf } from '../../bench/cpu.js';

/** Spends `ms` of this process's CPU time, however busy the machine is (the probe's tick is 10 ms). */
function burn(ms: number) {
  const start = process.cpuUsage();
  const spent = () => {
    const u = process.cpuUsage(start);
    return (u.user + u.system) / 1000;
  };
  let x = 0;
  while (spent() < ms) for (let i = 0; i < 100_000; i++) x += Math.sqrt(x + i);
  return x;
}

describe('bench CPU probe (/proc)', () => {
  it('counts CPU per request by side, and a side it cannot see is null', () => {
    const stop = cpuProbe({ serverPid: process.pid, postmasterPid: null }).start();
    burn(300);
    const perRequest = stop(3);
    // This process burnt 300 ms of CPU for 3 requests: 100 ms each, seen by cpuUsage and by /proc alike.
    expect(perRequest.generator).toBeGreaterThanOrEqual(100);
    expect(perRequest.server).toBeGreaterThan(80);
    expect(perRequest.server).toBeLessThan(130);
    expect(perRequest.postgres).toBeNull();
    // A process that is not there (pids never reach 2^22 + 1) reads as unknown, not as zero.
    expect(cpuProbe({ serverPid: 4_194_305, postmasterPid: 4_194_305 }).start()(1)).toMatchObject({ server: null, postgres: null });
  });

  it('adds the living children of a parent to it, as the backends of a postmaster', async () => {
    const burner =
      'const s = process.cpuUsage(); let x = 0; while (process.cpuUsage(s).user < 400_000) for (let i = 0; i < 1e5; i++) x += i;';
    const child = spawn(process.execPath, ['-e', burner]);
    try {
      expect(parentOf(child.pid!)).toBe(process.pid);
      const stop = cpuProbe({ serverPid: null, postmasterPid: process.pid }).start();
      await once(child, 'spawn');
      // Whatever the child burns while alive counts with this process (its "postmaster").
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
      const seen = stop(1);
      expect(seen.server).toBeNull();
      expect(seen.postgres).toBeGreaterThan(200);
    } finally {
      child.kill();
    }
  });
});
