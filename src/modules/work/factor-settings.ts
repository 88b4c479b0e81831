import { z } from 'zod';
import { AppError } from '../../errors.js';
import { ROLES } from '../../shared/vocabulary.js';
import type { ServiceContext } from '../../service.js';

/** The roles that must sign in with a second factor; an empty list requires it of nobody. */
export const UpdateFactorRolesInput = z.object({ roles: z.array(z.enum(ROLES)).max(ROLES.length) });

// A security setting: a hub's admin keeps it too (hub/policy.ts), unlike the casework settings.
function assertAdmin(ctx: ServiceContext, action: 'read' | 'update') {
  if (!ctx.ability.can(`${action}:security`, 'Municipality'))
    throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
}

/** Admin: the roles that must use a second factor here (default coordinator, auditor, admin). */
export async function getFactorRoles(ctx: ServiceContext) {
  assertAdmin(ctx, 'read');
  const row = await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: { secondFactorRoles: true } });
  ctx.audit.subject('Municipality', ctx.user.municipalityId);
  return { roles: row.secondFactorRoles };
}

/**
 * Admin: sets those roles. A newly required role's users enrol at their next request (the procedure
 * tier forces it); one no longer required keeps the factor it has. Audited with before and after.
 */
export async function setFactorRoles(ctx: ServiceContext, input: z.infer<typeof UpdateFactorRolesInput>) {
  const before = await getFactorRoles(ctx);
  assertAdmin(ctx, 'update');
  const roles = [...new Set(input.roles)];
  await ctx.db.municipality.update({ where: { id: ctx.user.municipalityId }, data: { secondFactorRoles: roles }, select: { id: true } });
  ctx.audit.detail({ before: { secondFactorRoles: before.roles }, after: { secondFactorRoles: roles } });
  return { roles };
}
