import type { Db } from '../../src/db.js';
import { nameKeys } from '../../src/modules/people/names.js';
import type { MatchRow } from '../../src/modules/people/match-sql.js';
import { SHOWN, rankMatches } from '../../src/modules/people/rank.js';
import type { Cohort } from '../../src/generated/prisma/enums.js';

/** A person of a municipality, with the name keys the app derives. Synthetic names only. */
export async function makePerson(
  db: Db,
  municipalityId: string,
  data: { nameArabic?: string; nameLatin?: string; birthYear?: number; cohort?: Cohort } = {},
) {
  const nameLatin = data.nameLatin ?? (data.nameArabic ? undefined : 'Sami Test');
  const keys = nameKeys(nameLatin ?? data.nameArabic!);
  const skeleton = data.nameArabic ? nameKeys(data.nameArabic).skeleton : keys.skeleton;
  return db.person.create({
    data: {
      municipalityId,
      nameArabic: data.nameArabic ?? null,
      nameLatin: nameLatin ?? null,
      latinKey: keys.latinKey,
      skeleton,
      birthYear: data.birthYear ?? 2009,
      cohort: data.cohort ?? 'youth',
    },
    select: { id: true, municipalityId: true, nameArabic: true, nameLatin: true },
  });
}

/**
 * The reference ranking people.match is checked against: every trigram match of the municipality
 * scored on both keys (the unbounded search matchPeople avoids), ranked by the same evidence, the
 * best ten. As in matchPeople, a name with ten namesakes or more (the same skeleton or Latin key)
 * is answered from its namesakes alone: near names are searched only for names with fewer.
 */
export async function fullRanking(db: Db, municipalityId: string, name: string, year: number | null = null) {
  const { latinKey, skeleton } = nameKeys(name);
  const rows = await db.$queryRaw<(MatchRow & { namesake: boolean })[]>`
    SELECT id, greatest(similarity(latin_key, ${latinKey}), similarity(skeleton, ${skeleton})) AS similarity,
           birth_year, name_arabic, name_latin, (skeleton = ${skeleton} OR latin_key = ${latinKey}) AS namesake
    FROM person
    WHERE municipality_id = ${municipalityId}::uuid AND (latin_key % ${latinKey} OR skeleton % ${skeleton})`;
  const namesakes = rows.filter((r) => r.namesake && r.similarity > 0);
  return rankMatches(name, year, namesakes.length >= 10 ? namesakes.map((r) => ({ ...r, similarity: 1 })) : rows)
    .slice(0, SHOWN)
    .map((r) => ({ id: r.id, score: r.score }));
}

/** What people.match showed, in the reference ranking's shape. */
export const shown = (found: { restricted: boolean; score: number; person?: { id: string } }[]) =>
  found.map((c) => ({ id: c.person?.id, score: c.score }));
