import type { ServiceContext } from '../../service.js';
import { historyOf, type HistoryEntity } from '../history/record.js';

/** What an assembly reads with: the database, the keys, the municipality (and nothing of the reader's rights). */
export type Reader = Pick<ServiceContext, 'db' | 'keyring' | 'user' | 'clock'>;

/**
 * A record's field history as of the release, or null when it no longer opens (an anonymised record):
 * the page says "anonymised" instead of failing.
 */
export async function historyAsOf(ctx: Reader, type: HistoryEntity, ids: string[], fields: readonly string[], asOf: Date | null) {
  if (ids.length === 0) return [];
  try {
    const rows = await historyOf(ctx as ServiceContext, type, ids, fields);
    return rows
      .filter((h) => !asOf || h.at <= asOf)
      .reverse()
      .map((h) => ({ entityId: h.entityId, field: h.field, from: h.from, to: h.to, at: h.at, by: h.by.displayName }));
  } catch {
    return null;
  }
}
