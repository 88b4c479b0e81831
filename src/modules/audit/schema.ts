import { z } from 'zod';
import { instant, text } from '../../lib/text.js';
import { cursorField, cursorId, cursorInstant } from '../../lib/cursor.js';
import { HISTORY_TYPES } from '../../shared/audit-actions.js';

/** The number (seq) of the last event of the previous page (keyset pagination, newest first). */
const seqCursor = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, 'invalid');

/** A case, person or referral whose access history the log is filtered to. */
export const HistoryRecord = z.strictObject({ type: z.enum(HISTORY_TYPES), id: z.uuid() });

export const ListAuditInput = z.object({
  actorId: z.uuid().optional(),
  action: text().min(1).max(80).optional(),
  entityType: text().min(1).max(40).optional(),
  entityId: text().min(1).max(80).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: instant().optional(),
  to: instant().optional(),
  /** Only the events that touched this record (its access history). */
  record: HistoryRecord.optional(),
  cursor: seqCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

const historyPage = { cursor: seqCursor.optional(), limit: z.number().int().min(1).max(200).default(50) };

/** A case by its id or by its reference (`<CODE>-<YEAR>-<NNNN>`, any case), exactly one of them. */
export const CaseHistoryInput = z
  .object({
    id: z.uuid().optional(),
    reference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{1,12}-\d{4}-\d{1,8}$/)
      .transform((r) => r.toUpperCase())
      .optional(),
    ...historyPage,
  })
  .refine((v) => (v.id === undefined) !== (v.reference === undefined), { message: 'required', path: ['reference'] });

/** A person or a referral by its id. */
export const RecordHistoryInput = z.object({ id: z.uuid(), ...historyPage });

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

export const FlagIdInput = z.object({ id: z.uuid() });

/** An auditor's review of an open flag: looked into (reviewed) or passed on (escalated), with a note either way. */
export const ReviewFlagInput = z.object({
  id: z.uuid(),
  status: z.enum(['reviewed', 'escalated']),
  note: text().min(1).max(4_000),
});
