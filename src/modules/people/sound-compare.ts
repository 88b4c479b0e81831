/**
 * How alike two names sound, from 0 to 1: the words' sounds compared pairwise (sound-costs.ts) and
 * paired in a way that allows a different order, a compound written as one word ("Salaheddine" /
 * "صلاح الدين") and a word one side does not know (a father's name left out).
 */
import { soundWords, type SoundWord } from './sound.js';
import { wordSimilarity } from './sound-costs.js';

/** A word not matched on one side: information missing, not contradicting. */
const UNMATCHED = 0.5;
/** Two words at least this alike are spellings of one word (a transliteration), not merely similar. */
const TRANSLITERATION = 0.75;
/** Below this, two words are different words rather than spellings of one. */
const SAME_WORD = 0.5;

interface Span {
  /** The word (slot) it starts at, and how many it covers. */
  from: number;
  size: number;
  word: SoundWord;
}

const spanCache = new WeakMap<SoundWord[], Span[]>();

/** Single words and adjacent pairs glued into one (a compound written as one word on the other side). */
function spans(words: SoundWord[]): Span[] {
  let out = spanCache.get(words);
  if (!out) {
    out = words.map((word, from) => ({ from, size: 1, word }));
    for (let i = 0; i + 1 < words.length; i++) {
      out.push({ from: i, size: 2, word: { tokens: [...words[i]!.tokens, ...words[i + 1]!.tokens], arabic: words[i]!.arabic } });
    }
    spanCache.set(words, out);
  }
  return out;
}

export interface NameComparison {
  /** 0–1: how alike the two names sound, word by word. */
  similarity: number;
  /** Every word of the query found a spelling of itself (at least TRANSLITERATION alike) in the other name. */
  transliterated: boolean;
}

interface Pair {
  q: Span;
  c: Span;
  sim: number;
}

/** The pairs (query span, form span) alike enough to be spellings of one word. */
function pairsOf(query: SoundWord[], form: SoundWord[]): Pair[] {
  const pairs: Pair[] = [];
  // A compound written as one word shows as a difference in the number of words.
  const glue = query.length !== form.length;
  for (const q of spans(query)) {
    for (const c of spans(form)) {
      if ((q.size === 2 && c.size === 2) || (!glue && q.size + c.size > 2)) continue;
      const sim = wordSimilarity(q.word, c.word);
      if (sim >= SAME_WORD) pairs.push({ q, c, sim });
    }
  }
  return pairs;
}

/** The best pairs first, each word used once; a word left over costs UNMATCHED. */
function assign(queryWords: number, slots: number, candidates: Pair[]): NameComparison {
  // Among equals, single words before glued ones.
  const pairs = [...candidates].sort((a, b) => b.sim - a.sim || a.q.size + a.c.size - (b.q.size + b.c.size));
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  let cost = 0;
  let weakest = 1;
  for (const { q, c, sim } of pairs) {
    const qs = Array.from({ length: q.size }, (_, k) => q.from + k);
    const cs = Array.from({ length: c.size }, (_, k) => c.from + k);
    if (qs.some((i) => usedQ.has(i)) || cs.some((i) => usedC.has(i))) continue;
    for (const i of qs) usedQ.add(i);
    for (const i of cs) usedC.add(i);
    cost += (1 - sim) * Math.max(q.size, c.size);
    weakest = Math.min(weakest, sim);
  }
  const unmatchedQ = queryWords - usedQ.size;
  cost += UNMATCHED * (unmatchedQ + slots - usedC.size);
  const similarity = Math.max(0, 1 - cost / Math.max(queryWords, slots));
  return { similarity, transliterated: unmatchedQ === 0 && weakest >= TRANSLITERATION };
}

/**
 * Compares a typed name with a registered one, given the registered name's writings (Arabic,
 * Latin): with each writing alone, and, when they have as many words, with the writings side by
 * side (word i of each is the same word, so a query word is compared with every writing of it).
 */
export function compareWithForms(query: SoundWord[], forms: SoundWord[][]): NameComparison {
  const none = { similarity: 0, transliterated: false };
  const usable = forms.filter((f) => f.length > 0);
  if (query.length === 0 || usable.length === 0) return none;
  const perForm = usable.map((f) => pairsOf(query, f));
  const results = usable.map((f, i) => assign(query.length, f.length, perForm[i]!));
  if (usable.length > 1 && usable.every((f) => f.length === usable[0]!.length)) {
    results.push(assign(query.length, usable[0]!.length, perForm.flat()));
  }
  return results.reduce((a, b) => (b.similarity > a.similarity ? b : a), none);
}

/** compareWithForms for two names as written. */
export const nameSimilarity = (query: string, candidate: string) => compareWithForms(soundWords(query), [soundWords(candidate)]);
