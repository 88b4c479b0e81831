import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { runRetention } from '../modules/retention/run.js';
import { RETENTION_LOCK_KEY, type Job } from './runner.js';

export interface RetentionResult {
  municipalities: number;
  certificates: number;
  cases: number;
  referrals: number;
  people: number;
}

/** Every municipality in turn (modules/retention/run.ts: each under its own advisory lock). */
export async function runRetentionEverywhere(db: Db, clock: Clock): Promise<RetentionResult> {
  const towns = await db.municipality.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const result: RetentionResult = { municipalities: towns.length, certificates: 0, cases: 0, referrals: 0, people: 0 };
  for (const t of towns) {
    const r = await runRetention(db, t.id, clock);
    result.certificates += r.certificates;
    result.cases += r.cases;
    result.referrals += r.referrals;
    result.people += r.people;
  }
  return result;
}

/**
 * Retention as a job: at start and then every six hours, one replica at a time. Idempotent: a record
 * anonymised is never due again, so a turn with nothing due writes nothing.
 */
export function retentionJob(
  db: Db,
  opts: { clock?: Clock; everyMs?: number; onRun?: (r: RetentionResult) => void } = {},
): Job<RetentionResult> {
  return {
    name: 'retention',
    everyMs: opts.everyMs ?? 6 * 60 * 60_000,
    lockKey: RETENTION_LOCK_KEY,
    run: () => runRetentionEverywhere(db, opts.clock ?? systemClock),
    onRun: opts.onRun,
  };
}
