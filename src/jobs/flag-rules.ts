import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Anchoring } from '../audit/checkpoints.js';
import { evaluateRules, type RulesResult } from '../modules/audit/rules/run.js';
import { FLAG_RULES_LOCK_KEY, type Job } from './runner.js';

export const FLAG_RULES_EVERY_MS = 5 * 60_000;

/**
 * The flag rules over every municipality's new audit events, every few minutes (see rules/run.ts:
 * a cursor per municipality and a dedupe key per flag make a turn taken twice raise nothing new).
 */
export function flagRulesJob(
  db: Db,
  opts: { anchoring?: Anchoring | null; clock?: Clock; everyMs?: number; onRun?: (r: RulesResult) => void } = {},
): Job<RulesResult> {
  const clock = opts.clock ?? systemClock;
  return {
    name: 'flag rules',
    everyMs: opts.everyMs ?? FLAG_RULES_EVERY_MS,
    lockKey: FLAG_RULES_LOCK_KEY,
    run: () => evaluateRules(db, { clock, anchoring: opts.anchoring }),
    onRun: opts.onRun,
  };
}
