import { z } from 'zod';
import { AppError } from '../../errors.js';
import { URGENCIES } from './schema.js';

/** The sort key of the last row of a page: where the next page starts. */
const Position = z.object({
  urgency: z.enum(URGENCIES).optional(),
  at: z.iso.datetime().transform((s) => new Date(s)),
  id: z.uuid(),
});
export type Position = z.output<typeof Position>;

/** An opaque keyset cursor (base64url JSON), so clients never build one themselves. */
export function encodeCursor(position: { urgency?: string; at: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ ...position, at: position.at.toISOString() })).toString('base64url');
}

/** Reads a cursor made by `encodeCursor`; anything else is a field error on `cursor`. */
export function decodeCursor(cursor: string): Position {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('BAD_INPUT', { fields: { cursor: 'invalid' } });
  }
}

/** Splits `limit + 1` rows into a page and the cursor of the next one (null on the last page). */
export function page<T>(rows: T[], limit: number, positionOf: (row: T) => { urgency?: string; at: Date; id: string }) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
