import type pg from 'pg';
import { nameKeys, personKeys } from '../src/modules/people/names.js';
import { matchStatement, type MatchRow } from '../src/modules/people/match-sql.js';
import { SHOWN, rankMatches } from '../src/modules/people/rank.js';
import { FAMILIES, LOOK_ALIKES, spellings } from './name-set.js';

export interface Registration {
  nameArabic?: string;
  nameLatin?: string;
}

/** How well people.match finds the right person on the labelled set (bench/name-set.ts). */
export interface MatchQuality {
  /** Names registered (each pair gives two people: the name and its look-alike). */
  people: number;
  queries: number;
  /** Share of queries whose person is among the first five candidates. */
  recallAt5: number;
  /** Share of queries where the look-alike (a different name) ranks above the person, or is offered without them. */
  lookAlikeAbove: number;
  /** The queries that missed or were confused, for a reader: `typed → registered`. */
  misses: string[];
  confusions: string[];
}

/**
 * Registers both people of every pair (in Arabic only, in Latin only, or both, by turn), then types
 * every other spelling of each name and reads the ranking `match` returns (person ids, best first;
 * undefined for a candidate the caller may not see).
 */
export async function measureMatchQuality(
  register: (person: Registration) => Promise<string>,
  match: (name: string) => Promise<(string | undefined)[]>,
): Promise<MatchQuality> {
  const names: { id: string; rival: number; registered: string[]; queries: string[] }[] = [];
  for (const [i, pair] of LOOK_ALIKES.entries()) {
    for (const [side, word] of pair.entries()) {
      const all = spellings(word, FAMILIES[i]!);
      const form: Registration = [{ nameArabic: all[0] }, { nameLatin: all[1] }, { nameArabic: all[0], nameLatin: all[1] }][i % 3]!;
      const registered = [form.nameArabic, form.nameLatin].filter((n): n is string => !!n);
      const id = await register(form);
      names.push({ id, rival: names.length + (side === 0 ? 1 : -1), registered, queries: all.filter((s) => !registered.includes(s)) });
    }
  }
  let queries = 0;
  let found = 0;
  let confused = 0;
  const misses: string[] = [];
  const confusions: string[] = [];
  for (const name of names) {
    const rival = names[name.rival]!;
    for (const typed of name.queries) {
      const ranked = await match(typed);
      const at = ranked.indexOf(name.id);
      const rivalAt = ranked.indexOf(rival.id);
      queries++;
      if (at >= 0 && at < 5) found++;
      else misses.push(`${typed} → ${name.registered.join(' / ')}`);
      if (rivalAt >= 0 && (at < 0 || rivalAt < at)) {
        confused++;
        confusions.push(`${typed} → ${rival.registered.join(' / ')} before ${name.registered.join(' / ')}`);
      }
    }
  }
  const share = (n: number) => Math.round((n / queries) * 1000) / 1000;
  return { people: names.length, queries, recallAt5: share(found), lookAlikeAbove: share(confused), misses, confusions };
}

/**
 * The same measurement on any database, for `npm run bench`: the set's people go into a municipality
 * of their own inside a transaction that is rolled back, so nothing stays and no scale data is
 * needed; each query runs matchPeople's statement and ranking (match-sql.ts, rank.ts) on that client.
 */
export async function matchQualityOn(pool: pg.Pool): Promise<MatchQuality> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const town = (
      await client.query<{ id: string }>(
        `INSERT INTO municipality (id, name, country) VALUES (gen_random_uuid(), 'Match quality (rolled back)', 'TN') RETURNING id`,
      )
    ).rows[0]!.id;
    return await measureMatchQuality(
      async (person) => {
        const { latinKey, skeleton } = personKeys(person);
        const sql = `INSERT INTO person (id, municipality_id, name_arabic, name_latin, latin_key, skeleton, languages, cohort)
                     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '{}', 'youth') RETURNING id`;
        const values = [town, person.nameArabic ?? null, person.nameLatin ?? null, latinKey, skeleton];
        return (await client.query<{ id: string }>(sql, values)).rows[0]!.id;
      },
      async (name) => {
        const statement = matchStatement(town, nameKeys(name), null);
        const rows = (await client.query<MatchRow>(statement.text, statement.values)).rows;
        return rankMatches(name, null, rows)
          .slice(0, SHOWN)
          .map((r) => r.id);
      },
    );
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
