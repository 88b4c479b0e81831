import { Prisma } from '../../generated/prisma/client.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

/** The admin's own municipality, if it is of `kind`; else the action is not theirs (FORBIDDEN, audited). */
async function ownOf(ctx: ServiceContext, action: 'hubMembers' | 'shareFigures', kind: 'hub' | 'city') {
  assertCan(ctx.ability, action, 'Municipality');
  const own = await ctx.db.municipality.findFirst({
    where: { AND: [accessibleBy(ctx.ability, action).ofType('Municipality'), { kind }] },
    select: { id: true },
  });
  if (!own) throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
  return own.id;
}

/**
 * The hub's members (the hub's admin): each city with its country, whether it shares its figures and
 * since when, and the cities that could join. City names and countries are no personal data; the
 * municipality table is the reference table every node holds (README, "Beyond one machine").
 */
export async function listMembers(ctx: ServiceContext) {
  assertCan(ctx.ability, 'hubMembers', 'Municipality');
  const hub = await ctx.db.municipality.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'hubMembers').ofType('Municipality'), { kind: 'hub' }] },
    select: {
      id: true,
      hubMembers: {
        orderBy: { joinedAt: 'asc' },
        select: { shareFigures: true, joinedAt: true, municipality: { select: { id: true, name: true, country: true } } },
      },
    },
  });
  if (!hub) throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
  const hubId = hub.id;
  const members = hub.hubMembers;
  const joined = new Set(members.map((m) => m.municipality.id));
  const cities = await ctx.db.$queryRaw<{ id: string; name: string; country: string }[]>(
    Prisma.sql`SELECT id::text AS id, name, country FROM municipality WHERE kind = 'city' ORDER BY country, name`,
  );
  ctx.audit.subject('Municipality', hubId).detail({ members: members.length });
  return {
    members: members.map((m) => ({ ...m.municipality, shareFigures: m.shareFigures, joinedAt: m.joinedAt })),
    candidates: cities.filter((c) => !joined.has(c.id)),
  };
}

/** Adds a city to the hub (the hub's admin). It shares nothing until its own admin opts in. */
export async function addMember(ctx: ServiceContext, input: { municipalityId: string }) {
  const hubId = await ownOf(ctx, 'hubMembers', 'hub');
  const rows = await ctx.db.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id::text AS id FROM municipality WHERE id = ${input.municipalityId}::uuid AND kind = 'city'`,
  );
  if (!rows.length)
    throw new AppError('NOT_FOUND', {
      entity: { type: 'Municipality', id: input.municipalityId },
      fields: { municipalityId: 'NOT_FOUND' },
    });
  try {
    await ctx.db.hubMember.create({ data: { hubId, municipalityId: input.municipalityId, shareFigures: false }, select: { hubId: true } });
  } catch (err) {
    throw isUniqueViolation(err) ? new AppError('ALREADY_MEMBER', { fields: { municipalityId: 'ALREADY_MEMBER' } }) : err;
  }
  ctx.audit.subject('Municipality', input.municipalityId).detail({ hubId });
  return { municipalityId: input.municipalityId, shareFigures: false };
}

/** Removes a city from the hub (the hub's admin): its figures stop reaching the hub at once. */
export async function removeMember(ctx: ServiceContext, input: { municipalityId: string }) {
  const hubId = await ownOf(ctx, 'hubMembers', 'hub');
  const gone = await ctx.db.hubMember.deleteMany({ where: { hubId, municipalityId: input.municipalityId } });
  if (!gone.count) throw notFound('Municipality', input.municipalityId);
  ctx.audit.subject('Municipality', input.municipalityId).detail({ hubId });
  return { municipalityId: input.municipalityId };
}

/** The hubs the admin's city belongs to and whether it shares its figures with each (the settings page). */
export async function listMemberships(ctx: ServiceContext) {
  const cityId = await ownOf(ctx, 'shareFigures', 'city');
  const rows = await ctx.db.hubMember.findMany({
    where: { municipalityId: cityId },
    orderBy: { joinedAt: 'asc' },
    select: { shareFigures: true, joinedAt: true, hub: { select: { id: true, name: true } } },
  });
  ctx.audit.subject('Municipality', cityId);
  return rows.map((r) => ({ hubId: r.hub.id, name: r.hub.name, shareFigures: r.shareFigures, joinedAt: r.joinedAt }));
}

/**
 * The city's own choice (its admin) to share its suppressed figures with a hub it belongs to, or to stop;
 * audited on the city's chain with the hub and the choice. A hub it does not belong to is NOT_FOUND.
 */
export async function setSharing(ctx: ServiceContext, input: { hubId: string; share: boolean }) {
  const cityId = await ownOf(ctx, 'shareFigures', 'city');
  const changed = await ctx.db.hubMember.updateMany({
    where: { hubId: input.hubId, municipalityId: cityId },
    data: { shareFigures: input.share },
  });
  if (!changed.count) throw new AppError('NOT_FOUND', { entity: { type: 'Municipality', id: input.hubId } });
  ctx.audit.subject('Municipality', input.hubId).detail({ share: input.share });
  return { hubId: input.hubId, shareFigures: input.share };
}
