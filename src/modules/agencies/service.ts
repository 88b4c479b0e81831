import { AppError, notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { z } from 'zod';
import type { CreateAgencyInput, UpdateAgencyInput } from './schema.js';

export const agencySelect = {
  id: true,
  name: true,
  kind: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { users: true } },
} satisfies Prisma.AgencySelect;

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

/** The agencies of the user's municipality that they may read. */
export async function listAgencies(ctx: ServiceContext, includeInactive: boolean) {
  assertCan(ctx.ability, 'read', 'Agency');
  const rows = await ctx.db.agency.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Agency'), includeInactive ? {} : { active: true }] },
    select: agencySelect,
    orderBy: { name: 'asc' },
  });
  ctx.audit.detail({ count: rows.length, includeInactive });
  return rows;
}

export async function createAgency(ctx: ServiceContext, input: z.infer<typeof CreateAgencyInput>) {
  assertCan(ctx.ability, 'create', 'Agency');
  const agency = await ctx.db.agency
    .create({ data: { ...input, municipalityId: ctx.user.municipalityId }, select: agencySelect })
    .catch((err) => {
      throw isUniqueViolation(err) ? new AppError('AGENCY_NAME_TAKEN', { fields: { name: 'AGENCY_NAME_TAKEN' } }) : err;
    });
  ctx.audit.subject('Agency', agency.id).detail({ name: agency.name, kind: agency.kind });
  return agency;
}

/** Rename, change kind, deactivate or reactivate. Another municipality's agency is NOT_FOUND. */
export async function updateAgency(ctx: ServiceContext, input: z.infer<typeof UpdateAgencyInput>) {
  const { id, ...changes } = input;
  assertCan(ctx.ability, 'update', 'Agency');
  const where = { AND: [accessibleBy(ctx.ability, 'update').ofType('Agency'), { id }] };
  const before = await ctx.db.agency.findFirst({ where, select: { name: true, kind: true, active: true } });
  if (!before) throw notFound('Agency', id);
  const agency = await ctx.db.agency.update({ where: { id }, data: changes, select: agencySelect }).catch((err) => {
    throw isUniqueViolation(err) ? new AppError('AGENCY_NAME_TAKEN', { fields: { name: 'AGENCY_NAME_TAKEN' } }) : err;
  });
  const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v));
  if (changes.active === false && before.active) ctx.audit.narrow('agency.deactivate');
  if (changes.active === true && !before.active) ctx.audit.narrow('agency.reactivate');
  ctx.audit.detail({ changed });
  return agency;
}
