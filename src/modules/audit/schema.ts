import { z } from 'zod';
import { instant, text } from '../../lib/text.js';
import { cursorField, cursorId, cursorInstant } from '../../lib/cursor.js';

export const ListAuditInput = z.object({
  actorId: z.uuid().optional(),
  action: text().min(1).max(80).optional(),
  entityType: text().min(1).max(40).optional(),
  entityId: text().min(1).max(80).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: instant().optional(),
  to: instant().optional(),
  /** The number (seq) of the last event of the previous page (keyset pagination, newest first). */
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, 'invalid')
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The same filters, for a CSV export (bounded by the service, not paged). */
export const ExportAuditInput = ListAuditInput.omit({ cursor: true, limit: true }).default({});

/** Where the next page of flags starts: the time and id of the last flag of the previous page. */
const FlagPosition = z.strictObject({ at: cursorInstant, id: cursorId });

export const ListFlagsInput = z
  .object({
    /** Opaque keyset cursor from the previous page's `nextCursor`. */
    cursor: cursorField(FlagPosition).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });
