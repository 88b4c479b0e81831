import { z } from 'zod';
import { text } from '../../lib/text.js';

export const AGENCY_KINDS = [
  'school',
  'health',
  'youth',
  'ngo',
  'employment',
  'religious_community',
  'police_liaison',
  'social_services',
  'other',
] as const;

const Name = text().min(2).max(160);

export const ListAgenciesInput = z.object({ includeInactive: z.boolean().default(true) }).default({ includeInactive: true });

export const CreateAgencyInput = z.object({ name: Name, kind: z.enum(AGENCY_KINDS) });

export const UpdateAgencyInput = z.object({
  id: z.uuid(),
  name: Name.optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  active: z.boolean().optional(),
});
