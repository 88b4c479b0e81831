import { z } from 'zod';
import { text } from '../../lib/text.js';
import { emailAddress } from '../../lib/email.js';
import { LOCALES, ROLES } from '../../shared/vocabulary.js';

const DisplayName = text().min(2).max(120);

export const ListUsersInput = z
  .object({
    search: text().max(120).optional(),
    role: z.enum(ROLES).optional(),
    includeDisabled: z.boolean().default(true),
  })
  .default({ includeDisabled: true });

export const CreateUserInput = z.object({
  email: emailAddress(),
  displayName: DisplayName,
  role: z.enum(ROLES),
  agencyId: z.uuid().nullish(),
  trainedAssessor: z.boolean().default(false),
  locale: z.enum(LOCALES).default('ar'),
});

export const UpdateUserInput = z.object({
  id: z.uuid(),
  displayName: DisplayName.optional(),
  role: z.enum(ROLES).optional(),
  agencyId: z.uuid().nullish(),
  trainedAssessor: z.boolean().optional(),
});

export const UserIdInput = z.object({ id: z.uuid() });

/**
 * Disabling: while work is still assigned to the account (users.caseload), the coordinator who
 * confirmed they will pick it up must be named; the audit event records them.
 */
export const DisableUserInput = z.object({ id: z.uuid(), pickUpConfirmedBy: z.uuid().optional() });

export const DirectoryInput = z.object({ roles: z.array(z.enum(ROLES)).max(5).optional(), agencyId: z.uuid().optional() }).default({});
