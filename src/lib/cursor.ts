import { z } from 'zod';
import { instant } from './text.js';

/** A position is a few short fields; anything longer was not made by `encodeCursor`. */
const MAX_LENGTH = 512;

/**
 * A moment inside a cursor: an ISO instant that is a real calendar day (zod refuses 30 February) and
 * lies within the years PostgreSQL and JavaScript both store; a string `new Date` cannot read would
 * reach the database as an invalid date.
 */
export const cursorInstant = z.iso
  .datetime()
  .transform((s) => new Date(s))
  .pipe(instant());

/** A row id inside a cursor: a real uuid, never 36 dashes that PostgreSQL refuses to cast. */
export const cursorId = z.uuid();

/** An opaque keyset cursor (base64url JSON of the last row's sort key), so clients never build one. */
export function encodeCursor(position: Record<string, string | Date | undefined>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The input field of a keyset cursor whose position has the shape `position`: it parses to that
 * position, or the whole cursor is refused as one field error (`cursor: invalid`, BAD_INPUT), so a
 * crafted cursor never reaches a query. Wrap it in `.optional()`; the first page has none.
 */
export function cursorField<T extends z.ZodType>(position: T) {
  return z
    .string()
    .max(MAX_LENGTH)
    .transform((cursor, ctx): z.output<T> => {
      const parsed = position.safeParse(decode(cursor));
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: 'invalid', input: cursor });
      return z.NEVER;
    });
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one (null on the last page). */
export function keysetPage<T>(rows: T[], limit: number, positionOf: (row: T) => Record<string, string | Date | undefined>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
