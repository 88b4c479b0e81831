import { describe, expect, it } from 'vitest';
import { createShutdown } from '../../src/lib/shutdown.js';

/** A shutdown whose exit is recorded; `exited` settles with the code (the process would be gone). */
function harness() {
  const events: string[] = [];
  let settle!: (code: number) => void;
  const exited = new Promise<number>((ok) => (settle = ok));
  const clock = { ms: 0 };
  const shutdown = createShutdown({
    now: () => clock.ms,
    log: (msg) => events.push(`log: ${msg}`),
    exit: (code) => {
      events.push(`exit ${code}`);
      settle(code);
      return undefined as never;
    },
  });
  const part = (name: string, fails = false) =>
    shutdown.onStop(async () => {
      events.push(`stop ${name}`);
      if (fails) throw new Error(`${name} would not stop`);
    });
  return { shutdown, events, exited, part, clock };
}

describe('the stop sequence', () => {
  it('after the start, a signal stops everything at once, last started first, and exits 0', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    part('pool');
    part('server');
    shutdown.onRequest((signal) => events.push(`asked by ${signal}`));
    shutdown.ready();
    expect(events).toEqual([]);
    shutdown.request('SIGINT');
    expect(await exited).toBe(0);
    expect(events).toEqual(['asked by SIGINT', 'stop server', 'stop pool', 'stop database', 'exit 0']);
  });

  it('a signal during the start waits for the next checkpoint, stops only what was started, and the start goes no further', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    shutdown.request('SIGTERM');
    // Nothing stops yet: the step under way finishes first.
    expect(events).toEqual(['log: SIGTERM: stopping once the current start-up step is done (send it again to stop at once)']);
    void shutdown.checkpoint().then(() => events.push('next step ran'));
    expect(await exited).toBe(0);
    await new Promise((turn) => setImmediate(turn));
    expect(events.slice(1)).toEqual(['stop database', 'exit 0']);
  });

  it('a signal during the last step stops when the start is done', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    await shutdown.checkpoint();
    shutdown.request('SIGINT');
    part('job runner');
    shutdown.ready();
    expect(await exited).toBe(0);
    expect(events.slice(1)).toEqual(['stop job runner', 'stop database', 'exit 0']);
  });

  it('a second signal while a start step hangs runs the last resorts and exits at once, 128 + its number', async () => {
    const { shutdown, events, exited, part, clock } = harness();
    part('database');
    shutdown.onForce(() => events.push('kill database'));
    shutdown.request('SIGINT');
    expect(events).toEqual(['log: SIGINT: stopping once the current start-up step is done (send it again to stop at once)']);
    // The same Ctrl-C relayed by npm and tsx, milliseconds later, is not a second one.
    clock.ms += 5;
    shutdown.request('SIGINT');
    expect(events).toHaveLength(1);
    // The step (say, a connection to a server that never answers) never reaches its checkpoint.
    clock.ms += 2_000;
    shutdown.request('SIGINT');
    expect(await exited).toBe(130);
    expect(events.slice(1)).toEqual(['log: SIGINT again: stopping at once', 'kill database', 'exit 130']);
  });

  it('a second signal while a graceful stop hangs exits at once too', async () => {
    const { shutdown, events, exited, clock } = harness();
    shutdown.onStop(() => new Promise(() => events.push('stop job runner (never ends)')));
    shutdown.ready();
    shutdown.request('SIGTERM');
    await new Promise((turn) => setImmediate(turn));
    clock.ms += 1_000;
    shutdown.request('SIGTERM');
    expect(await exited).toBe(143);
    expect(events).toEqual(['stop job runner (never ends)', 'log: SIGTERM again: stopping at once', 'exit 143']);
  });

  it('tells a listener that comes after the request, and stops at once a part started after the stops began', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    shutdown.ready();
    shutdown.request('SIGHUP');
    shutdown.onRequest((signal) => events.push(`asked by ${signal}`));
    part('late runner');
    await exited;
    expect(events).toEqual(['stop database', 'asked by SIGHUP', 'stop late runner', 'exit 0']);
  });

  it('a part that fails to stop is logged, the others still stop, and the exit code is 1', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    part('server', true);
    shutdown.ready();
    shutdown.request('SIGINT');
    expect(await exited).toBe(1);
    expect(events).toEqual(['stop server', 'log: stopping failed: server would not stop', 'stop database', 'exit 1']);
  });

  it('a failed start logs the error, stops what it had started and exits 1', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    part('pool');
    expect(shutdown.requested).toBe(false);
    void shutdown.fail(new Error('migration 7 failed'));
    expect(await exited).toBe(1);
    expect(events[0]).toMatch(/^log: Error: migration 7 failed/);
    expect(events.slice(1)).toEqual(['stop pool', 'stop database', 'exit 1']);
  });

  it('a start step that fails because a stop was asked for (the database went first) stops quietly and exits 0', async () => {
    const { shutdown, events, exited, part } = harness();
    part('database');
    shutdown.request('SIGINT');
    expect(shutdown.requested).toBe(true);
    void shutdown.fail(new Error('canceling statement due to user request'));
    expect(await exited).toBe(0);
    expect(events.slice(1)).toEqual(['log: start-up interrupted: canceling statement due to user request', 'stop database', 'exit 0']);
  });
});
