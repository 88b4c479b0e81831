import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { Prisma } from '../../generated/prisma/client.js';
import { rawQuery } from '../../db.js';
import { nameKeys, type NameKeys } from './names.js';
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
/** How many near skeletons (distinct keys) the trigram search keeps, and how many people of each. */
const NEAR_KEYS = 30;
const PER_KEY = 10;

/** matchPeople's one statement: up to ten `{ id, score }`, best first (the benchmark times it alone too). */
export function matchStatement(town: string, { latinKey, skeleton }: NameKeys, year: number | null): Prisma.Sql {
  // nullif: an empty key (a name of vowels only) names nobody; equality on '' would find everyone like it.
  return Prisma.sql`
    WITH namesakes AS (
      SELECT id, birth_year FROM person WHERE municipality_id = ${town}::uuid AND skeleton = nullif(${skeleton}, '')
      UNION
      SELECT id, birth_year FROM person WHERE municipality_id = ${town}::uuid AND latin_key = nullif(${latinKey}, '')
    ), near_keys AS (
      SELECT skeleton, similarity(skeleton, ${skeleton}) AS similarity FROM person_name_key
      WHERE (SELECT count(*) FROM namesakes) < 10
        AND municipality_id = ${town}::uuid AND skeleton % ${skeleton} AND skeleton <> ${skeleton}
      ORDER BY skeleton <-> ${skeleton}, skeleton
      LIMIT ${NEAR_KEYS}
    ), near AS (
      SELECT s.id, s.birth_year, s.latin_key, k.similarity FROM near_keys k CROSS JOIN LATERAL (
        SELECT id, birth_year, latin_key FROM person
        WHERE municipality_id = ${town}::uuid AND skeleton = k.skeleton
        ORDER BY CASE WHEN ${year}::int IS NOT NULL AND abs(coalesce(birth_year, -100) - ${year}::int) <= 1 THEN 0 ELSE 1 END, id
        LIMIT ${PER_KEY}
      ) s
    ), candidates AS (
      SELECT id, 1::real AS similarity, birth_year FROM namesakes
      UNION ALL
      SELECT id, greatest(similarity(latin_key, ${latinKey}), similarity), birth_year
      FROM near
      WHERE id NOT IN (SELECT id FROM namesakes)
    )
    SELECT id, similarity
         + CASE WHEN ${year}::int IS NOT NULL AND abs(coalesce(birth_year, -100) - ${year}::int) <= 1 THEN 0.1 ELSE 0 END AS score
    FROM candidates
    ORDER BY score DESC, id
    LIMIT 10`;
}

/**
 * Ranked candidates for a name (either script) in the user's municipality: trigram similarity on
 * both keys, a small bonus when the birth year agrees. A candidate the user may not see comes back
 * as `{ restricted: true, score }`: they learn a possible match exists, and ask the coordinator.
 *
 * Two paths in one statement (ten candidates at most), so the work does not grow with the register:
 * - namesakes: people whose skeleton or Latin key equals the query's (covering btree indexes, read
 *   index-only). Their similarity is 1 by definition, so nothing is computed per row. When there are
 *   at least ten of them they are the answer: birth-year matches first, then by id.
 * - otherwise near names fill the list: the trigram search (`%`, threshold 0.3) runs over the
 *   municipality's distinct skeletons, nearest first from a GiST index (`<->` is 1 - similarity)
 *   (person_name_key, kept by triggers on person; names repeat, so
 *   there are far fewer keys than people), keeps the NEAR_KEYS most similar, and reads at most
 *   PER_KEY people of each from the covering btree index (birth-year matches first, then by id),
 *   with their Latin keys, so no person row is read. Those are scored on both keys as the
 *   namesakes' rivals always were (the skeleton's similarity once per key). The skeleton is the
 *   cross-script key, so a near name is found through it; a person whose Latin key alone is near
 *   (similar spelling, skeleton under 0.3) is no longer offered.
 * With ten namesakes or more, someone else of similarity 1 (the same words in another order) is
 * left out in favour of a namesake with the same score, and so is a near name (similarity ≥ 0.9)
 * whose birth-year bonus would lift it past a namesake without one.
 */
export async function matchPeople(ctx: ServiceContext, input: z.infer<typeof MatchPeopleInput>) {
  assertCan(ctx.ability, 'match', 'Person');
  const ranked = await rawQuery<{ id: string; score: number }>(
    ctx.db,
    matchStatement(ctx.user.municipalityId, nameKeys(input.name), input.birthYear ?? null),
  );
  const candidates = ranked.filter((r) => r.score >= MIN_SCORE);
  const visible = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: { in: candidates.map((c) => c.id) } }] },
    // Only the cases the user may open: a person's other cases stay invisible.
    select: {
      ...personSelect,
      cases: { where: accessibleBy(ctx.ability).ofType('Case'), select: { id: true, reference: true, stage: true } },
    },
  });
  const byId = new Map(visible.map((p) => [p.id, p]));
  ctx.audit.detail({ candidates: candidates.length, shown: visible.length });
  ctx.audit
    .touched(
      'Person',
      visible.map((p) => p.id),
    )
    .touched(
      'Case',
      visible.flatMap((p) => p.cases.map((c) => c.id)),
    );
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
  ctx.audit.subject('Person', person.id);
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
  ctx.audit.touched(
    'Person',
    household.members.map((m) => m.id),
  );
  return { ...person, household };
}
