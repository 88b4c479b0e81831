import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { nameKeys } from './names.js';
import { householdOf } from './household.js';
import type { CreatePersonInput, MatchPeopleInput } from './schema.js';

export const personSelect = {
  id: true,
  nameArabic: true,
  nameLatin: true,
  birthDate: true,
  birthYear: true,
  sex: true,
  nationality: true,
  languages: true,
  cohort: true,
  contact: true,
  guardianName: true,
  guardianContact: true,
  createdAt: true,
} satisfies Prisma.PersonSelect;

const MIN_SCORE = 0.3;

/**
 * Ranked candidates for a name (either script) in the user's municipality: trigram similarity on
 * both keys, a small bonus when the birth year agrees. A candidate the user may not see comes back
 * as `{ restricted: true, score }`: they learn a possible match exists, and ask the coordinator.
 */
export async function matchPeople(ctx: ServiceContext, input: z.infer<typeof MatchPeopleInput>) {
  assertCan(ctx.ability, 'match', 'Person');
  const keys = nameKeys(input.name);
  const year = input.birthYear ?? null;
  const ranked = await ctx.db.$queryRaw<{ id: string; score: number }[]>`
    SELECT id, greatest(similarity(latin_key, ${keys.latinKey}), similarity(skeleton, ${keys.skeleton}))
         + CASE WHEN ${year}::int IS NOT NULL AND abs(coalesce(birth_year, -100) - ${year}::int) <= 1 THEN 0.1 ELSE 0 END AS score
    FROM person
    WHERE municipality_id = ${ctx.user.municipalityId}::uuid
      AND (latin_key % ${keys.latinKey} OR skeleton % ${keys.skeleton})
    ORDER BY score DESC, id
    LIMIT 10`;
  const candidates = ranked.filter((r) => r.score >= MIN_SCORE);
  const visible = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: { in: candidates.map((c) => c.id) } }] },
    // Only the cases the user may open: a person's other cases stay invisible.
    select: { ...personSelect, cases: { where: accessibleBy(ctx.ability).ofType('Case'), select: { id: true, reference: true, stage: true } } },
  });
  const byId = new Map(visible.map((p) => [p.id, p]));
  ctx.audit.record({
    action: 'person.match',
    entityType: 'Person',
    detail: { candidates: candidates.length, shown: visible.length, personIds: visible.map((p) => p.id) },
  });
  return candidates.map((c) => {
    const person = byId.get(c.id);
    return person ? { restricted: false as const, score: c.score, person } : { restricted: true as const, score: c.score };
  });
}

/** Registers a person with the keys their names are matched by. */
export async function createPerson(ctx: ServiceContext, input: z.infer<typeof CreatePersonInput>) {
  assertCan(ctx.ability, 'create', 'Person');
  const keys = nameKeys(input.nameLatin ?? input.nameArabic!);
  const arabicKeys = input.nameArabic ? nameKeys(input.nameArabic) : keys;
  const person = await ctx.db.person.create({
    data: {
      ...input,
      municipalityId: ctx.user.municipalityId,
      birthYear: input.birthYear ?? input.birthDate?.getUTCFullYear() ?? null,
      latinKey: keys.latinKey,
      skeleton: arabicKeys.skeleton,
    },
    select: personSelect,
  });
  ctx.audit.record({ action: 'person.create', entityType: 'Person', entityId: person.id });
  return person;
}

/** One person, if the user may see them; otherwise NOT_FOUND (FORBIDDEN for a role that reads nobody, as everywhere). */
export async function getPerson(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read', 'Person');
  const person = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id }] },
    select: personSelect,
  });
  if (!person) throw notFound('Person', id);
  const household = await householdOf(ctx, id);
  // The household members shown are personal data read too: name them in the same event.
  ctx.audit.record({ action: 'person.read', entityType: 'Person', entityId: id, detail: { householdMemberIds: household.members.map((m) => m.id) } });
  return { ...person, household };
}
