import { Prisma } from '../../generated/prisma/client.js';
import type { NameKeys } from './names.js';

/** How many near skeletons (distinct keys) the trigram search keeps, and how many people of each. */
const NEAR_KEYS = 30;
/** Read beyond NEAR_KEYS from the index's nearest-first scan, so ties at the cut are broken by skeleton. */
const NEAR_SPARE = 10;
const PER_KEY = 10;
/** How many candidates the statement hands to the ranking (rank.ts), which keeps the best ten. */
export const CANDIDATES = 40;

/** A candidate as the statement finds it: the coarse similarity of its keys, and what the ranking weighs. */
export interface MatchRow {
  id: string;
  similarity: number;
  birth_year: number | null;
  name_arabic: string | null;
  name_latin: string | null;
  /** The father's name, when recorded: the ranking also compares the full form with it. */
  father_name?: string | null;
}

/**
 * matchPeople's one statement: up to CANDIDATES people whose name keys are near the query's, with
 * their names, for the ranking (the benchmark times it alone too).
 *
 * Two paths, so the work does not grow with the register:
 * - namesakes: people whose skeleton or Latin key equals the query's (covering btree indexes, read
 *   index-only with their Latin keys). Their key similarity is 1. A common name can have more
 *   namesakes than the ranking takes: the cut keeps those with the most evidence (the same Latin
 *   key, the birth year, the closest Latin spelling: a محمود's Latin key is further from "Mohamed"
 *   than a محمد's), never the first by id.
 * - when there are fewer than ten namesakes, near names fill the list: the trigram search runs over
 *   the municipality's distinct skeletons as a nearest-first scan of a GiST index (person_name_key,
 *   kept by triggers on person; `ORDER BY <-> LIMIT`, which stops early, where a `%` filter first
 *   collected every skeleton over the threshold: 15 ms → 10 ms, and a shorter tail, at 1M people),
 *   keeps the NEAR_KEYS most similar of at least trigram similarity 0.3 and reads at
 *   most PER_KEY people of each from the covering btree index (the closest birth years first, then
 *   the closest Latin spelling), scored on both keys.
 * Only the CANDIDATES rows kept are read from the table (by primary key), for their names.
 */
export function matchStatement(town: string, { latinKey, skeleton }: NameKeys, year: number | null): Prisma.Sql {
  const yearMatch = (col: Prisma.Sql) => Prisma.sql`(${year}::int IS NOT NULL AND abs(coalesce(${col}, -100) - ${year}::int) <= 1)`;
  // nullif: an empty key (a name of vowels only) names nobody; equality on '' would find everyone like it.
  return Prisma.sql`
    WITH namesakes AS (
      SELECT id, birth_year, latin_key FROM person WHERE municipality_id = ${town}::uuid AND skeleton = nullif(${skeleton}, '')
      UNION
      SELECT id, birth_year, latin_key FROM person WHERE municipality_id = ${town}::uuid AND latin_key = nullif(${latinKey}, '')
    ), kept AS (
      SELECT id, 1::real AS similarity FROM namesakes
      ORDER BY latin_key = ${latinKey} DESC, ${yearMatch(Prisma.sql`birth_year`)} DESC, similarity(latin_key, ${latinKey}) DESC, id
      LIMIT ${CANDIDATES}
    ), near_keys AS (
      SELECT skeleton, similarity FROM (
        SELECT skeleton, similarity(skeleton, ${skeleton}) AS similarity, skeleton <-> ${skeleton} AS distance FROM person_name_key
        WHERE (SELECT count(*) FROM namesakes) < 10 AND municipality_id = ${town}::uuid AND skeleton <> ${skeleton}
        ORDER BY skeleton <-> ${skeleton}
        LIMIT ${NEAR_KEYS + NEAR_SPARE}
      ) nearest
      WHERE similarity >= 0.3
      ORDER BY distance, skeleton
      LIMIT ${NEAR_KEYS}
    ), near AS (
      SELECT s.id, greatest(similarity(s.latin_key, ${latinKey}), k.similarity) AS similarity FROM near_keys k CROSS JOIN LATERAL (
        SELECT id, latin_key FROM person
        WHERE municipality_id = ${town}::uuid AND skeleton = k.skeleton
        ORDER BY abs(coalesce(birth_year, -1000) - coalesce(${year}::int, birth_year, -1000)), similarity(latin_key, ${latinKey}) DESC, id
        LIMIT ${PER_KEY}
      ) s
      WHERE s.id NOT IN (SELECT id FROM namesakes)
    ), candidates AS (
      SELECT id, similarity FROM kept
      UNION ALL
      (SELECT id, similarity FROM near ORDER BY similarity DESC, id LIMIT ${CANDIDATES})
    )
    SELECT c.id, c.similarity, p.birth_year, p.name_arabic, p.name_latin, p.father_name
    FROM candidates c JOIN person p ON p.id = c.id`;
}
