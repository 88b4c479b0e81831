import { z } from 'zod';
import { text } from '../../lib/text.js';
import { LIST_CODES } from '../../shared/lists.js';
import { LIST_KINDS } from '../../shared/vocabulary.js';

const Label = text().min(2).max(160);

/** Every list's items, or one list's; retired items too when asked (the admin's page, and labels of old records). */
export const ListItemsInput = z
  .object({ list: z.enum(LIST_KINDS).optional(), includeRetired: z.boolean().default(false) })
  .default({ includeRetired: false });

/** A new item: its list, the shared core code it counts as (one of that list's), and three labels. */
export const CreateListItemInput = z
  .object({ list: z.enum(LIST_KINDS), code: z.string().max(40), labelAr: Label, labelFr: Label, labelEn: Label })
  .refine((i) => (LIST_CODES[i.list] as readonly string[]).includes(i.code), { message: 'invalid_value', path: ['code'] });

/**
 * Relabel, move (to a 0-based position in its list), retire or restore. The list and core code are fixed
 * once made: the records that chose the item keep the meaning they were counted under.
 */
export const UpdateListItemInput = z
  .object({
    id: z.uuid(),
    labelAr: Label.optional(),
    labelFr: Label.optional(),
    labelEn: Label.optional(),
    position: z.number().int().min(0).max(999).optional(),
    retired: z.boolean().optional(),
  })
  .refine((u) => [u.labelAr, u.labelFr, u.labelEn, u.position, u.retired].some((v) => v !== undefined), {
    message: 'required',
    path: ['labelEn'],
  });
