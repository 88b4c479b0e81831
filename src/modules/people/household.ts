import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { LinkHouseholdInput } from './schema.js';

/**
 * Links `memberId` into `personId`'s household (made on first use), with the member's relationship
 * to that person. Households only link: each person's case keeps its own access rules.
 */
export async function linkHousehold(ctx: ServiceContext, input: z.infer<typeof LinkHouseholdInput>) {
  assertCan(ctx.ability, 'update', 'Person');
  const people = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('Person'), { id: { in: [input.personId, input.memberId] } }] },
    select: { id: true, households: { select: { householdId: true } } },
  });
  const anchor = people.find((p) => p.id === input.personId);
  if (!anchor) throw notFound('Person', input.personId);
  if (!people.some((p) => p.id === input.memberId)) throw notFound('Person', input.memberId);
  let householdId = anchor.households[0]?.householdId;
  if (!householdId) {
    householdId = (await ctx.db.household.create({ data: { municipalityId: ctx.user.municipalityId }, select: { id: true } })).id;
    await ctx.db.householdMember.create({
      data: { householdId, municipalityId: ctx.user.municipalityId, personId: anchor.id, relationship: 'other' },
    });
  }
  await ctx.db.householdMember.upsert({
    where: { householdId_personId: { householdId, personId: input.memberId } },
    create: { householdId, municipalityId: ctx.user.municipalityId, personId: input.memberId, relationship: input.relationship },
    update: { relationship: input.relationship },
  });
  ctx.audit.subject('Person', input.memberId).detail({ householdId, relationship: input.relationship });
  return { householdId };
}

/** The household of a person: members the user may read by name, the others only counted. */
export async function householdOf(ctx: ServiceContext, personId: string) {
  const links = await ctx.db.householdMember.findMany({
    where: { household: { members: { some: { personId } } }, personId: { not: personId } },
    select: { personId: true, relationship: true },
  });
  if (links.length === 0) return { members: [], hidden: 0 };
  const readable = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: { in: links.map((l) => l.personId) } }] },
    select: { id: true, nameArabic: true, nameLatin: true, birthYear: true },
  });
  const byId = new Map(readable.map((p) => [p.id, p]));
  const members = links.flatMap((l) => (byId.has(l.personId) ? [{ ...byId.get(l.personId)!, relationship: l.relationship }] : []));
  return { members, hidden: links.length - members.length };
}
