import { z } from 'zod';
import { text } from '../../lib/text.js';
import { LOCALES } from '../../shared/vocabulary.js';
import { SUBJECT_ACCESS_METHODS, SUBJECT_ACCESS_REQUESTERS } from '../../shared/subject-access.js';

const Id = z.uuid();

export const PersonRequestsInput = z.object({ personId: Id });

/** Who asked and in which language the document is written (the person's, not the coordinator's). */
export const PrepareInput = z.object({
  personId: Id,
  language: z.enum(LOCALES),
  requestedBy: z.enum(SUBJECT_ACCESS_REQUESTERS),
  requesterName: text().max(200).optional(),
});

export const RequestInput = z.object({ personId: Id, id: Id });

/** One item's decision: include it, or withhold it with a reason (required then). */
const ItemDecision = z
  .object({ key: z.string().max(120), include: z.boolean(), reason: text().max(1000).optional() })
  .refine((d) => d.include || (d.reason !== undefined && d.reason.length > 0), { path: ['reason'], message: 'required' });

export const ReviewInput = z.object({
  personId: Id,
  id: Id,
  version: z.int().positive(),
  decisions: z.array(ItemDecision).max(2000),
  /** Name staff in the document (by default they are shown by role only). */
  staffNames: z.boolean().optional(),
});

export const ReleaseInput = z.object({
  personId: Id,
  id: Id,
  version: z.int().positive(),
  method: z.enum(SUBJECT_ACCESS_METHODS),
});

/** The released document, for the printed page or the JSON file. */
export const DocumentInput = z.object({ personId: Id, id: Id, format: z.enum(['print', 'json']) });
