import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { Role } from '../../shared/vocabulary.js';

/** The roles a hub (the regional network) may hold: its analysts and its own admin. No casework role. */
export const HUB_ROLES: readonly Role[] = ['hub_analyst', 'admin'];

/**
 * A hub holds hub analysts and its admin only; a city never holds a hub analyst (the trigger
 * app_user_role_fits_kind is the second layer). Refused with a field error the form translates.
 */
export async function checkRoleFitsKind(ctx: ServiceContext, role: Role) {
  const { kind } = await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: { kind: true } });
  if (kind === 'hub' ? !HUB_ROLES.includes(role) : role === 'hub_analyst')
    throw new AppError('ROLE_NOT_FOR_KIND', { fields: { role: 'ROLE_NOT_FOR_KIND' } });
}
