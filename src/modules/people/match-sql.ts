import { Prisma } from '../../generated/prisma/client.js';
import type { NameKeys } from './names.js';

/** How many near skeletons (distinct keys) the trigram search keeps, and how many people of each. */
const NEAR_KEYS = 30;
/** Read beyond NEAR_KEYS from each nearest-first scan, so ties at the cut are broken by skeleton. */
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
 *   the municipality's distinct skeletons (person_name_key, kept by triggers on person), keeps the
 *   NEAR_KEYS most similar of at least trigram similarity 0.3 and reads at most PER_KEY people of
 *   each from the covering btree index (the closest birth years first, then the closest Latin
 *   spelling), scored on both keys.
 *   The search goes word by word: for each word of the query, a nearest-first scan (`ORDER BY <->
 *   LIMIT`) of the keys that hold that word (person_name_word). A key among the nearest that shares a
 *   word with the query is among the nearest of that word's keys, so the union holds it. The scan of
 *   every key (person_name_key_knn) found the same keys but read nearly its whole index each time:
 *   names are made of few words, so every subtree's trigram signature holds nearly every trigram and
 *   nothing is pruned. At 1M people, for the bench's rare full names, the statement went from 12.1 to
 *   5.1 ms at the median and 19.3 to 8.5 ms at p99 (EXPLAIN ANALYZE, 150 runs each), with the same
 *   similarities kept for all 90 bench names. A key near only by slightly different words (a letter
 *   apart in each) shares none: when the words find fewer than NEAR_KEYS keys of at least 0.3 (a small
 *   municipality, an unusual name), the scan of every key runs too, as before. That fallback costs
 *   common names ~0.13 ms of planning, paid back by the statement offered() no longer needs.
 * Only the CANDIDATES rows kept are read from the table (by primary key), for their names; a merged
 * (hidden) record is dropped there, so that its callers need no statement of their own for it.
 */
export function matchStatement(town: string, { latinKey, skeleton }: NameKeys, year: number | null): Prisma.Sql {
  const yearMatch = (col: Prisma.Sql) => Prisma.sql`(${year}::int IS NOT NULL AND abs(coalesce(${col}, -100) - ${year}::int) <= 1)`;
  // nullif: an empty key (a name of vowels only) names nobody; equality on '' would find everyone like it.
  const words = [...new Set(skeleton.split(' ').filter(Boolean))];
  return Prisma.sql`
    WITH namesakes AS (
      SELECT id, birth_year, latin_key FROM person WHERE municipality_id = ${town}::uuid AND skeleton = nullif(${skeleton}, '')
      UNION
      SELECT id, birth_year, latin_key FROM person WHERE municipality_id = ${town}::uuid AND latin_key = nullif(${latinKey}, '')
    ), kept AS (
      SELECT id, 1::real AS similarity FROM namesakes
      ORDER BY latin_key = ${latinKey} DESC, ${yearMatch(Prisma.sql`birth_year`)} DESC, similarity(latin_key, ${latinKey}) DESC, id
      LIMIT ${CANDIDATES}
    ), by_word AS (
      SELECT DISTINCT w.skeleton, similarity(w.skeleton, ${skeleton}) AS similarity
      FROM unnest(${words}::text[]) AS q(word) CROSS JOIN LATERAL (
        SELECT skeleton FROM person_name_word
        WHERE (SELECT count(*) FROM namesakes) < 10 AND municipality_id = ${town}::uuid AND word = q.word AND skeleton <> ${skeleton}
        ORDER BY skeleton <-> ${skeleton}
        LIMIT ${NEAR_KEYS + NEAR_SPARE}
      ) w
    ), every_key AS (
      SELECT skeleton, similarity(skeleton, ${skeleton}) AS similarity FROM person_name_key
      WHERE (SELECT count(*) FROM namesakes) < 10 AND (SELECT count(*) FROM by_word WHERE similarity >= 0.3) < ${NEAR_KEYS}
        AND ${skeleton} <> '' AND municipality_id = ${town}::uuid AND skeleton <> ${skeleton}
      ORDER BY skeleton <-> ${skeleton}
      LIMIT ${NEAR_KEYS + NEAR_SPARE}
    ), near_keys AS (
      SELECT skeleton, similarity FROM (SELECT * FROM by_word UNION SELECT * FROM every_key) nearest
      WHERE similarity >= 0.3
      ORDER BY similarity DESC, skeleton
      LIMIT ${NEAR_KEYS}
    ), near AS (
      SELECT s.id, greatest(s.latin_similarity, k.similarity) AS similarity FROM near_keys k CROSS JOIN LATERAL (
        -- The Latin key's similarity once per person (it orders them and scores the kept).
        SELECT id, similarity(latin_key, ${latinKey}) AS latin_similarity FROM person
        WHERE municipality_id = ${town}::uuid AND skeleton = k.skeleton
        ORDER BY abs(coalesce(birth_year, -1000) - coalesce(${year}::int, birth_year, -1000)), latin_similarity DESC, id
        LIMIT ${PER_KEY}
      ) s
      WHERE s.id NOT IN (SELECT id FROM namesakes)
    ), candidates AS (
      SELECT id, similarity FROM kept
      UNION ALL
      (SELECT id, similarity FROM near ORDER BY similarity DESC, id LIMIT ${CANDIDATES})
    )
    SELECT c.id, c.similarity, p.birth_year, p.name_arabic, p.name_latin, p.father_name
    FROM candidates c JOIN person p ON p.id = c.id
    WHERE p.merged_into_id IS NULL`;
}
