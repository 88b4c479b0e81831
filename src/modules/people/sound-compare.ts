/**
 * How alike two names sound, from 0 to 1: a weighted edit distance between the sound tokens of
 * each pair of words (sound.ts), and a pairing of the words that allows a different order, a
 * compound written as one word ("Salaheddine" / "صلاح الدين") and a word one side does not know.
 *
 * The weights say what a spelling may change and what makes another name: a short vowel costs
 * little (Arabic script does not write it), a long vowel, ʿayn written out, the feminine ending or a
 * consonant cost much, a doubled letter costs nothing against Arabic script (which does not write it)
 * and something against another Latin spelling.
 */
import { soundWords, type Sound, type SoundWord } from './sound.js';

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

/** Similarity of two words' sounds: 1 - weighted edit distance / the heavier word's weight. */
export function wordSimilarity(a: SoundWord, b: SoundWord): number {
  const x = a.tokens;
  const y = b.tokens;
  let prev = [0];
  for (let j = 1; j <= y.length; j++) prev.push(prev[j - 1]! + indel(y[j - 1]!, a.arabic));
  for (let i = 1; i <= x.length; i++) {
    const row = [prev[0]! + indel(x[i - 1]!, b.arabic)];
    for (let j = 1; j <= y.length; j++) {
      row.push(
        Math.min(
          prev[j]! + indel(x[i - 1]!, b.arabic),
          row[j - 1]! + indel(y[j - 1]!, a.arabic),
          prev[j - 1]! + substitute(x[i - 1]!, y[j - 1]!, a.arabic, b.arabic),
        ),
      );
    }
    prev = row;
  }
  const weight = (s: Sound, otherArabic: boolean) => s.reduce((sum, t) => sum + indel(t, otherArabic), 0);
  const norm = Math.max(weight(x, b.arabic), weight(y, a.arabic), 1);
  return Math.max(0, 1 - prev[y.length]! / norm);
}

/** A word not matched on one side: information missing, not contradicting. */
const UNMATCHED = 0.5;
/** Below this, two words are different words rather than spellings of one. */
const SAME_WORD = 0.5;

interface Span {
  /** The candidate's word slot (or the query's word) it starts at, and how many it covers. */
  from: number;
  size: number;
  word: SoundWord;
}

/** Single words and adjacent pairs glued into one (a compound written as one word on the other side). */
function spans(words: SoundWord[]): Span[] {
  const out: Span[] = words.map((word, from) => ({ from, size: 1, word }));
  for (let i = 0; i + 1 < words.length; i++) {
    out.push({ from: i, size: 2, word: { tokens: [...words[i]!.tokens, ...words[i + 1]!.tokens], arabic: words[i]!.arabic } });
  }
  return out;
}

export interface NameComparison {
  /** 0–1: how alike the two names sound, word by word. */
  similarity: number;
  /** Every word of the query found a spelling of itself in the other name. */
  allWordsMatched: boolean;
}

/**
 * Compares a typed name with a registered one. `forms` are the registered name's writings (Arabic,
 * Latin); when they have as many words, word i of each is the same word, and a query word is
 * compared with every writing of it (a Latin query with the Latin one, an Arabic one with the Arabic).
 */
export function compareNames(query: SoundWord[], forms: SoundWord[][]): NameComparison {
  const slots = Math.max(0, ...forms.map((f) => f.length));
  if (query.length === 0 || slots === 0) return { similarity: 0, allWordsMatched: false };
  const pairs: { q: Span; c: Span; sim: number }[] = [];
  for (const form of forms) {
    if (form.length !== slots) continue;
    for (const q of spans(query)) {
      for (const c of spans(form)) {
        if (q.size === 2 && c.size === 2) continue;
        const sim = wordSimilarity(q.word, c.word);
        if (sim >= SAME_WORD) pairs.push({ q, c, sim });
      }
    }
  }
  // Best pairs first; among equals, single words before glued ones.
  pairs.sort((a, b) => b.sim - a.sim || a.q.size + a.c.size - (b.q.size + b.c.size));
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  let cost = 0;
  for (const { q, c, sim } of pairs) {
    const qs = Array.from({ length: q.size }, (_, k) => q.from + k);
    const cs = Array.from({ length: c.size }, (_, k) => c.from + k);
    if (qs.some((i) => usedQ.has(i)) || cs.some((i) => usedC.has(i))) continue;
    for (const i of qs) usedQ.add(i);
    for (const i of cs) usedC.add(i);
    cost += (1 - sim) * Math.max(q.size, c.size);
  }
  const unmatchedQ = query.length - usedQ.size;
  cost += UNMATCHED * (unmatchedQ + slots - usedC.size);
  return { similarity: Math.max(0, 1 - cost / Math.max(query.length, slots)), allWordsMatched: unmatchedQ === 0 };
}

/** Compares with each writing alone, and with the writings side by side when they line up word for word. */
export function compareWithForms(query: SoundWord[], forms: SoundWord[][]): NameComparison {
  const alone = forms.map((f) => compareNames(query, [f]));
  const lined = forms.length > 1 && forms.every((f) => f.length === forms[0]!.length) ? [compareNames(query, forms)] : [];
  return [...alone, ...lined].reduce((a, b) => (b.similarity > a.similarity ? b : a), { similarity: 0, allWordsMatched: false });
}

/** compareNames for names as written. */
export const nameSimilarity = (query: string, candidate: string) => compareNames(soundWords(query), [soundWords(candidate)]);
