import type { ServiceContext } from '../../service.js';
import type { Role } from '../../shared/vocabulary.js';
import { historyOf, type HistoryEntity } from '../history/record.js';

/** What an assembly reads with: the database, the keys, the municipality (and nothing of the reader's rights). */
export type Reader = Pick<ServiceContext, 'db' | 'keyring' | 'user' | 'clock'>;

/**
 * A member of staff as the document shows them: always their role; their name only when the reviewer
 * chose to name staff (by default the document says "a social worker", as the access history does:
 * in prevention work a named worker can be put at risk, and the role is what the person needs to know).
 */
export interface StaffShown {
  role: Role;
  name: string | null;
}

/** Shows staff by role, or by role and name. */
export const staffShown =
  (names: boolean) =>
  (u: { displayName: string; role: Role } | null | undefined): StaffShown | null =>
    u ? { role: u.role, name: names ? u.displayName : null } : null;
export type Staff = ReturnType<typeof staffShown>;

/** How many field changes the export reads per record type (the history pages show the latest 500). */
const HISTORY_LIMIT = 10_000;

/**
 * A record's field history as of the release, or null when it no longer opens (an anonymised record):
 * the page says "anonymised" instead of failing.
 */
export async function historyAsOf(
  ctx: Reader,
  type: HistoryEntity,
  ids: string[],
  fields: readonly string[],
  asOf: Date | null,
  staff: Staff,
) {
  if (ids.length === 0) return [];
  try {
    const rows = await historyOf(ctx as ServiceContext, type, ids, fields, HISTORY_LIMIT);
    return rows
      .filter((h) => !asOf || h.at <= asOf)
      .reverse()
      .map((h) => ({ entityId: h.entityId, field: h.field, from: h.from, to: h.to, at: h.at, by: staff(h.by) }));
  } catch {
    return null;
  }
}
