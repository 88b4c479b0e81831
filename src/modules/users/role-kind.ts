import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { ROLES_OF_KIND } from '../../shared/hub.js';
import type { Role } from '../../shared/vocabulary.js';

/**
 * A hub holds its hub analysts, auditor and admin only; a city never holds a hub analyst (the trigger
 * app_user_role_fits_kind is the second layer). The kind is the session's (auth/session.ts). Refused
 * with a field error the form translates.
 */
export async function checkRoleFitsKind(ctx: ServiceContext, role: Role) {
  if (!(ROLES_OF_KIND[ctx.user.municipality.kind] as readonly Role[]).includes(role))
    throw new AppError('ROLE_NOT_FOR_KIND', { fields: { role: 'ROLE_NOT_FOR_KIND' } });
}
