import type { Db } from '../db.js';
import type { Keyring } from '../crypto/keyring.js';
import { moveToRecordKeys } from '../crypto/rotate.js';
import type { Job } from './runner.js';

/** The advisory lock of the job below (runner.ts holds the others; this one lives beside its job). */
export const RECORD_KEYS_LOCK_KEY = 7_318_041;

/**
 * Moves text written before record keys (master keyring, `v<n>.…`) under its record's own key, bound
 * to its row, a batch per transaction (crypto/rotate.ts moveToRecordKeys). The migration that made
 * `data_key` cannot do it (SQL cannot encrypt), so the app does, at start and then every few hours for
 * what an older server or a seed may have written since; rotate-key does the same. Until moved, such
 * values still open, and erasure overwrites them (crypto/record-keys.ts shredRecordKeys).
 */
export function recordKeysJob(
  db: Db,
  keyring: Keyring,
  opts: { onRun?: (moved: Record<string, number>) => void } = {},
): Job<Record<string, number>> {
  return {
    name: 'record keys',
    everyMs: 6 * 60 * 60_000,
    lockKey: RECORD_KEYS_LOCK_KEY,
    run: () => moveToRecordKeys(db, keyring),
    onRun: opts.onRun,
  };
}
