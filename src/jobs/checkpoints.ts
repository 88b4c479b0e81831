import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { anchorChains, httpsSink, type Anchoring } from '../audit/checkpoints.js';
import { CHECKPOINT_LOCK_KEY, type Job } from './runner.js';

/** Signs the chain heads that moved and writes them outside the database, every few minutes. */
export function checkpointJob(db: Db, opts: Anchoring & { url?: string; clock?: Clock }): Job<{ written: number }> {
  const extra = opts.url ? [httpsSink(opts.url)] : [];
  return {
    name: 'checkpoints',
    everyMs: opts.everyMs,
    lockKey: CHECKPOINT_LOCK_KEY,
    async run() {
      const result = await anchorChains(db, { signer: opts.signer, dir: opts.dir, extra, clock: opts.clock ?? systemClock });
      // A sink that failed (the second system down) must be seen, but the directory still has the checkpoint.
      if (result.failures.length > 0) throw new Error(`checkpoints written to the directory, but: ${result.failures.join('; ')}`);
      return { written: result.written };
    },
  };
}
