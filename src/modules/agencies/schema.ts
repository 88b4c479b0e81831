import { z } from 'zod';
import { text } from '../../lib/text.js';
import { AGENCY_KINDS } from '../../shared/vocabulary.js';

const Name = text().min(2).max(160);

export const ListAgenciesInput = z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true });

export const CreateAgencyInput = z.object({ name: Name, kind: z.enum(AGENCY_KINDS) });

export const UpdateAgencyInput = z.object({
  id: z.uuid(),
  name: Name.optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  active: z.boolean().optional(),
});
