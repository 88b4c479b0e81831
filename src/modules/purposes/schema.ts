import { z } from 'zod';
import { text } from '../../lib/text.js';
import { PURPOSE_CODES } from '../../shared/vocabulary.js';

const Label = text().min(2).max(160);

/** The list; retired purposes too when asked (the admin's page), never for the disclosure form. */
export const ListPurposesInput = z.object({ includeRetired: z.boolean().default(false) }).default({ includeRetired: false });

export const CreatePurposeInput = z.object({ code: z.enum(PURPOSE_CODES), labelAr: Label, labelFr: Label, labelEn: Label });

/**
 * Relabel, retire or restore. The core code is fixed once made: disclosures already made for a purpose
 * keep the meaning they were checked under (retire it and add another instead).
 */
export const UpdatePurposeInput = z
  .object({
    id: z.uuid(),
    labelAr: Label.optional(),
    labelFr: Label.optional(),
    labelEn: Label.optional(),
    retired: z.boolean().optional(),
  })
  .refine((u) => u.labelAr ?? u.labelFr ?? u.labelEn ?? u.retired !== undefined, { message: 'required', path: ['labelEn'] });
