import { z } from 'zod';
import { DRAFT_KINDS } from '../../shared/vocabulary.js';

/** A field's value as a form holds it: one text, or the checked values of a group. Typed text is kept as typed. */
const FieldValue = z.union([z.string().max(20_000), z.array(z.string().max(200)).max(50)]);

/**
 * What a form holds, field by field (the form's own names). At most 60 fields and 40,000 characters in
 * all: a referral and a note are far smaller; anything bigger is not a draft of either.
 */
export const DraftFields = z
  .record(z.string().min(1).max(100), FieldValue)
  .refine((f) => Object.keys(f).length <= 60, { message: 'too_big' })
  .refine((f) => JSON.stringify(f).length <= 40_000, { message: 'too_big' });

/**
 * Saving a draft. The browser picks its id (a UUID) when typing starts and sends it with every save,
 * so a save whose answer was lost and is sent again updates the same draft instead of making another.
 */
export const SaveDraftInput = z
  .object({
    id: z.uuid(),
    kind: z.enum(DRAFT_KINDS),
    caseId: z.uuid().optional(),
    fields: DraftFields,
  })
  .refine((d) => (d.kind === 'case_note') === (d.caseId !== undefined), { message: 'required', path: ['caseId'] });

export const DraftIdInput = z.object({ id: z.uuid() });

export type SaveDraft = z.infer<typeof SaveDraftInput>;
export type DraftFieldValues = z.infer<typeof DraftFields>;
