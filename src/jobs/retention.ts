import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { runRetentionEverywhere, type RetentionResult } from '../modules/retention/run.js';
import { RETENTION_LOCK_KEY, type Job } from './runner.js';

/**
 * Retention as a job (modules/retention/run.ts): at start and then every six hours, one replica at a
 * time; inside, each municipality's rules in turn under its own advisory lock. Idempotent: a record
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
