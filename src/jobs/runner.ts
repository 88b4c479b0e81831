import PgBoss from 'pg-boss';
import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { sweepReminders, type SweepResult } from './reminders.js';
import { connectClient } from '../lib/pg-client.js';

/** The queue of the reminder sweep. */
export const REMINDER_QUEUE = 'jisr-reminder-sweep';
/** Every 15 minutes, on the quarter hour (UTC). */
export const REMINDER_CRON = '*/15 * * * *';
/** pg-boss keeps its tables in a schema of its own, next to the app's. */
export const JOBS_SCHEMA = 'pgboss';

/** One advisory lock so replicas starting together set pg-boss up one at a time (as migrate.ts does for migrations). */
const SETUP_LOCK_KEY = 7_318_002;

/** Runs `work` while holding the set-up lock: pg-boss's schema, queue and schedule are created by one replica at a time. */
async function oneAtATime<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = await connectClient(url);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.end();
  }
}

export interface JobLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobsOptions {
  url: string;
  db: Db;
  clock?: Clock;
  log?: JobLogger;
  /** Cron of the sweep; null: no schedule (only the start-up run). */
  cron?: string | null;
  /** Told after each sweep this process ran (tests wait on it instead of sleeping). */
  onSweep?: (result: SweepResult) => void;
}

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Starts the job runner: a pg-boss instance on the app's PostgreSQL. Every replica runs one; the
 * database makes the sweep run once across all of them:
 * - set-up (pg-boss's schema, the queue, the schedule) happens one replica at a time, under an advisory lock;
 * - the queue's `stately` policy allows one queued and one running sweep at a time;
 * - pg-boss's cron sends each scheduled slot once (its schedule lock and a 60 s singleton);
 * - the start-up sweep uses one singleton key per 5-minute slot, so replicas starting together
 *   queue one run, not one each;
 * - and the sweep itself is idempotent (INSERT … ON CONFLICT DO NOTHING), so even a second run
 *   could not duplicate a reminder.
 */
export async function startJobs(opts: JobsOptions): Promise<Jobs> {
  const clock = opts.clock ?? systemClock;
  const boss = new PgBoss({ connectionString: opts.url, schema: JOBS_SCHEMA, max: 2, application_name: 'jisr-jobs', schedule: opts.cron !== null });
  boss.on('error', (err) => opts.log?.error({ err: err.message }, 'job runner error'));
  await oneAtATime(opts.url, async () => {
    await boss.start();
    await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: 'stately', retryLimit: 2, expireInSeconds: 600 });
    if (opts.cron !== null) await boss.schedule(REMINDER_QUEUE, opts.cron ?? REMINDER_CRON, {}, { tz: 'UTC', singletonKey: 'cron' });
  });
  await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    const result = await sweepReminders(opts.db, clock);
    opts.log?.info({ ...result }, 'reminders swept');
    opts.onSweep?.(result);
    return result;
  });
  await boss.send(REMINDER_QUEUE, {}, { singletonKey: 'startup', singletonMinutes: 5 });
  return {
    boss,
    // Lets a running sweep finish (its transaction commits or rolls back), then closes pg-boss's pool.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
