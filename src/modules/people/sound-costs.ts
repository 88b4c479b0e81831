/**
 * The weighted edit distance between two words' sound tokens (sound.ts), for sound-compare.ts: what
 * a spelling may change costs little (a short vowel, which Arabic script does not write; a doubled
 * letter against Arabic script), what makes another name costs much (a long vowel, ʿayn written
 * out, the feminine ending, a consonant).
 */
import type { SoundWord } from './sound.js';

const SHORT = new Set(['a', 'e', 'i', 'u', 'V', 'á']);
const LONG = new Set(['A', 'I', 'U']);
const QUALITY: Record<string, string> = {
  a: 'a',
  A: 'a',
  E: 'a',
  e: 'ai',
  i: 'i',
  I: 'i',
  u: 'u',
  U: 'u',
  O: 'u',
  V: 'aiu',
  á: 'au',
};
const isVowel = (t: string) => t in QUALITY;

function indel(t: string, otherArabic: boolean): number {
  if (SHORT.has(t)) return 0.15;
  if (t === 'O') return 0.3;
  if (LONG.has(t)) return 0.9;
  if (t === 'E') return 0.8;
  if (t === '3') return 0.3;
  if (t === ':') return otherArabic ? 0.05 : 0.35;
  if (t === 'h' || t === 'y' || t === 'w') return 0.6;
  return 1;
}

function substitute(x: string, y: string, xArabic: boolean, yArabic: boolean): number {
  if (x === y) return 0;
  const apart = indel(x, yArabic) + indel(y, xArabic);
  if (isVowel(x) && isVowel(y)) {
    const same = [...QUALITY[x]!].some((q) => QUALITY[y]!.includes(q));
    if (x === 'E' || y === 'E') return same ? 0.1 : Math.min(apart, 0.8);
    // A Latin e is seldom a long a (Saleh is صالح, not صلاح).
    if ((x === 'e' && y === 'A') || (x === 'A' && y === 'e')) return 0.3;
    if (same) return LONG.has(x) !== LONG.has(y) ? 0.05 : 0;
    const longs = Number(LONG.has(x)) + Number(LONG.has(y));
    return Math.min(apart, [0.25, 0.7, 1][longs]!);
  }
  // ʿayn written as a vowel (Omar, Saad); glides written as vowels (Aly, Fawzi).
  if (x === '3' || y === '3') {
    const v = x === '3' ? y : x;
    if (SHORT.has(v)) return 0.2;
    if (v === 'A' || v === 'O') return 0.3;
  }
  if ((x === 'y' && QUALITY[y]?.includes('i')) || (y === 'y' && QUALITY[x]?.includes('i'))) return 0.2;
  if ((x === 'w' && QUALITY[y]?.includes('u')) || (y === 'w' && QUALITY[x]?.includes('u'))) return 0.2;
  return Math.min(apart, 1);
}

/** Similarity of two words' sounds: 1 - weighted edit distance / the heavier word's weight (cached). */
export function wordSimilarity(a: SoundWord, b: SoundWord): number {
  const key = `${keyOf(a)}|${keyOf(b)}`;
  let sim = words.get(key);
  if (sim === undefined) {
    sim = editSimilarity(a, b);
    if (words.size >= WORD_CACHE) words.clear();
    words.set(key, sim);
  }
  return sim;
}

const keys = new WeakMap<SoundWord, string>();
function keyOf(w: SoundWord): string {
  let key = keys.get(w);
  if (key === undefined) {
    key = `${w.arabic ? 'A' : 'L'}${w.tokens.join(' ')}`;
    keys.set(w, key);
  }
  return key;
}

/** Word pairs already compared: names repeat, and so do their words. */
const words = new Map<string, number>();
const WORD_CACHE = 50_000;
/** Each token met gets a number; costs are kept in tables by those numbers (a few dozen tokens). */
const TOKENS = 64;
const ids = new Map<string, number>();
const names: string[] = [];
const idOf = (t: string) => {
  let id = ids.get(t);
  if (id === undefined) {
    id = names.length % TOKENS; // more distinct tokens than this never occur (consonant classes, vowels, digits)
    ids.set(t, id);
    names[id] = t;
  }
  return id;
};
/** [xArabic * 2 + yArabic]: substitution costs by token pair, then deletion costs by token. */
const tables = Array.from({ length: 4 }, () => ({
  sub: new Float64Array(TOKENS * TOKENS).fill(-1),
  del: new Float64Array(TOKENS).fill(-1),
}));

function editSimilarity(a: SoundWord, b: SoundWord): number {
  const x = a.tokens.map(idOf);
  const y = b.tokens.map(idOf);
  const ab = tables[Number(a.arabic) * 2 + Number(b.arabic)]!;
  const ba = tables[Number(b.arabic) * 2 + Number(a.arabic)]!;
  const del = (t: typeof ab, id: number, otherArabic: boolean) => {
    if (t.del[id]! < 0) t.del[id] = indel(names[id]!, otherArabic);
    return t.del[id]!;
  };
  const delX = x.map((id) => del(ab, id, b.arabic));
  const delY = y.map((id) => del(ba, id, a.arabic));
  let prev = new Float64Array(y.length + 1);
  let row = new Float64Array(y.length + 1);
  for (let j = 1; j <= y.length; j++) prev[j] = prev[j - 1]! + delY[j - 1]!;
  for (let i = 1; i <= x.length; i++) {
    row[0] = prev[0]! + delX[i - 1]!;
    for (let j = 1; j <= y.length; j++) {
      const cell = x[i - 1]! * TOKENS + y[j - 1]!;
      if (ab.sub[cell]! < 0) ab.sub[cell] = substitute(names[x[i - 1]!]!, names[y[j - 1]!]!, a.arabic, b.arabic);
      row[j] = Math.min(prev[j]! + delX[i - 1]!, row[j - 1]! + delY[j - 1]!, prev[j - 1]! + ab.sub[cell]!);
    }
    [prev, row] = [row, prev];
  }
  const sum = (c: number[]) => c.reduce((s, v) => s + v, 0);
  const norm = Math.max(sum(delX), sum(delY), 1);
  return Math.max(0, 1 - prev[y.length]! / norm);
}
