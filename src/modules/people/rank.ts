import { normalizeArabic } from './names.js';
import { soundWords } from './sound.js';
import { compareWithForms } from './sound-compare.js';
import type { MatchRow } from './match-sql.js';
import type { MatchReason } from '../../shared/vocabulary.js';

/** Below this a candidate is not offered (on the keys' similarity, and on the names' own). */
export const MIN_SCORE = 0.3;
/** How many candidates people.match shows. */
export const SHOWN = 10;
/** How many times the names' distance counts against the birth year's evidence. */
const NAME_WEIGHT = 2;

/** The evidence the birth year gives: agreeing (±1) adds, far apart (> 5 years) takes a little away. */
function yearEvidence(query: number | null, candidate: number | null): number {
  if (query === null || candidate === null) return 0;
  const apart = Math.abs(query - candidate);
  return apart <= 1 ? 0.1 : apart > 5 ? -0.05 : 0;
}

/** A name as compared for "the same spelling": letters only, one form of each, lower case. */
const spelling = (name: string) =>
  normalizeArabic(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\u0600-\u06FF]+/g, ' ')
    .trim();

type Comparison = ReturnType<typeof compareWithForms>;
const better = (a: Comparison, b: Comparison | null) => (b && b.similarity > a.similarity ? b : a);

/**
 * The names with the father's name after them ("محمد" and father "صالح": "محمد صالح"), so that a
 * typed full form (the given name, then the father's) finds them; null when no father's name is recorded.
 */
function withFather(query: ReturnType<typeof soundWords>, names: string[], father: string | null | undefined) {
  if (!father) return null;
  return compareWithForms(
    query,
    names.map((n) => soundWords(`${n} ${father}`)),
  );
}

export interface RankedMatch {
  id: string;
  score: number;
  reason: MatchReason;
}

interface Scored extends RankedMatch {
  sound: number;
  keys: number;
  yearApart: number;
}

/**
 * Ranks the statement's candidates on the evidence: how alike the names sound word by word (long
 * vowels, ʿayn, the feminine ending, doubled letters, the full form with a father's name: sound-compare.ts),
 * against the Arabic and the Latin name and taking the better, plus the birth year. The keys'
 * trigram similarity only gates (at MIN_SCORE, as before) and breaks ties. Best first; candidates
 * with the same evidence keep a fixed order (by id) only among themselves.
 */
export function rankMatches(name: string, year: number | null, rows: MatchRow[]): RankedMatch[] {
  const query = soundWords(name);
  const typed = spelling(name);
  const scored: Scored[] = [];
  for (const row of rows) {
    if (row.similarity < MIN_SCORE) continue;
    const names = [row.name_arabic, row.name_latin].filter((n): n is string => !!n);
    const same = names.some((n) => spelling(n) === typed);
    const best = better(compareWithForms(query, names.map(soundWords)), withFather(query, names, row.father_name));
    // Only the same spelling is certain: another spelling, however alike, ranks after it. The
    // names' distance counts double, so that a birth year (0.1) does not lift a look-alike (a long
    // vowel apart: محمود for Mohamed) past the name itself.
    const sound = same ? 1 : Math.max(0, 1 - NAME_WEIGHT * (1 - Math.min(best.similarity, 0.995)));
    if (sound < MIN_SCORE) continue;
    const reason: MatchReason = same ? 'same_spelling' : best.transliterated ? 'transliteration' : 'similar';
    scored.push({
      id: row.id,
      score: Math.round((sound + yearEvidence(year, row.birth_year)) * 1000) / 1000,
      reason,
      sound,
      keys: row.similarity,
      yearApart: year === null || row.birth_year === null ? 99 : Math.abs(year - row.birth_year),
    });
  }
  scored.sort((a, b) => b.score - a.score || b.sound - a.sound || a.yearApart - b.yearApart || b.keys - a.keys || (a.id < b.id ? -1 : 1));
  return scored.map(({ id, score, reason }) => ({ id, score, reason }));
}
