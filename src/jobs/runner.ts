import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { connectClient } from '../lib/pg-client.js';
import { purgeIdempotencyKeys } from '../trpc/idempotency.js';
import { purgeDrafts } from '../modules/drafts/service.js';
import { sweepReminders, type SweepResult } from './reminders.js';

/** A scheduled piece of work: run at start and then every `everyMs`, by one replica at a time. */
export interface Job<T = unknown> {
  name: string;
  everyMs: number;
  /** The session advisory lock that makes the job run on one replica at a time. */
  lockKey: number;
  run(): Promise<T>;
  /** Told after each run this process made (tests wait on it instead of sleeping). */
  onRun?(result: T): void;
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const REMINDER_EVERY_MS = 15 * 60_000;
export const REMINDER_LOCK_KEY = 7_318_002;
export const CHECKPOINT_LOCK_KEY = 7_318_003;
export const FLAG_RULES_LOCK_KEY = 7_318_004;
export const NAME_KEYS_LOCK_KEY = 7_318_005;
export const RETENTION_LOCK_KEY = 7_318_006;

/**
 * The reminder sweep as a job (idempotent: INSERT … ON CONFLICT DO NOTHING; see reminders.ts). Each
 * turn also purges the idempotency keys older than a day (trpc/idempotency.ts) and the expired drafts.
 */
export function reminderJob(db: Db, opts: { clock?: Clock; everyMs?: number; onSweep?: (r: SweepResult) => void } = {}): Job<SweepResult> {
  const clock = opts.clock ?? systemClock;
  return {
    name: 'reminders',
    everyMs: opts.everyMs ?? REMINDER_EVERY_MS,
    lockKey: REMINDER_LOCK_KEY,
    run: async () => {
      const swept = await sweepReminders(db, clock);
      await purgeIdempotencyKeys(db, clock());
      await purgeDrafts(db, clock());
      return swept;
    },
    onRun: opts.onSweep,
  };
}

export interface Jobs {
  /** Runs a job now (if no other replica is running it); resolves with its result, or null when skipped. */
  runNow(name: string): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Runs each job at start and then on a timer. Every replica runs the timers; a session advisory lock
 * (pg_try_advisory_lock on a connection of its own) lets one replica at a time run a job, and the others
 * skip that turn. The jobs are idempotent, so a turn taken twice in a row does no harm. No queue, no
 * tables: what the sweep and the checkpoints need, and nothing the runtime database role may not do.
 */
export function startJobs(opts: { url: string; jobs: Job[]; log?: JobLogger }): Jobs {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function turn(job: Job): Promise<unknown> {
    const client = await connectClient(opts.url);
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [job.lockKey]);
      if (!rows[0]?.ok) return null;
      try {
        const result = await job.run();
        opts.log?.info({ job: job.name, ...(typeof result === 'object' ? result : { result }) }, 'job ran');
        job.onRun?.(result);
        return result;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [job.lockKey]);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  function run(job: Job): Promise<unknown> {
    const p = turn(job).catch((err: Error) => {
      if (!stopped) opts.log?.error({ job: job.name, err: err.message }, 'job failed');
      return null;
    });
    running.add(p);
    void p.finally(() => running.delete(p));
    return p;
  }

  function schedule(job: Job) {
    if (stopped) return;
    const timer = setTimeout(() => void run(job).finally(() => schedule(job)), job.everyMs);
    timer.unref();
    timers.set(job.name, timer);
  }

  for (const job of opts.jobs) void run(job).finally(() => schedule(job));

  return {
    runNow: (name) => {
      const job = opts.jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      return run(job);
    },
    // Lets a running job finish (its transaction commits or rolls back); no new turn starts.
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
