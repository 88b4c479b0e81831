/**
 * What a name sounds like, word by word, for ranking candidates that share a consonant skeleton.
 *
 * The skeleton (names.ts) finds محمد, Mohamed and محمود alike; what tells them apart is what it drops:
 * long vowels (ا و ي, Latin aa / ou / ee), ʿayn (ع, Latin ', 3 or a vowel), the feminine ending
 * (ة, Latin final a) and the doubled letters Latin spellings keep. Each word becomes a list of
 * tokens: consonant classes as the skeleton folds them, and
 * - short vowels `a i u`, `e` (a or i), `á` (a or u: an initial أ) and `V` (any: an initial alif),
 * - long vowels `A I U`, and `O` (French "ou": long or short u),
 * - `3` ʿayn, `E` the feminine ending, `:` a doubled consonant.
 * sound-costs.ts weighs the differences.
 */
import { normalizeArabic } from './names.js';

const ARABIC_LETTER = /[\u0600-\u06FF]/;
// ة before normalizeArabic folds it into ه (U+06D5 survives normalisation and lower case).
const FEMININE = '\u06D5';
// A word's first alif with its hamza, kept apart the same way: أ is a or u (Ahmed, Oussama), إ is i (Imane).
const HAMZA_ABOVE = '\u06CB';
const HAMZA_BELOW = '\u06D0';
const ARABIC_CONSONANT: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'K',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'c',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '3',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  پ: 'b',
  چ: 'c',
  ڤ: 'f',
  گ: 'j',
};
/** Words that join a given name to a father's or family name: not compared. */
const CONNECTORS = new Set(['ben', 'bin', 'ibn', 'bent', 'bint', 'ould', 'ouled', 'بن', 'ابن', 'بنت', 'ولد']);
const LATIN_ARTICLE = /^(?:al|el|ul|il|ed|ad|ar|er|as|es|at|et|az|ez|an|en|ash|esh|ech)$/;

export type Sound = string[];

export interface SoundWord {
  tokens: Sound;
  arabic: boolean;
}

function arabicTokens(word: string): Sound {
  const letters = [...word];
  const out: Sound = [];
  letters.forEach((ch, i) => {
    const next = letters[i + 1];
    if (ch === 'ا') out.push(i === 0 ? 'V' : 'A');
    else if (ch === HAMZA_ABOVE) out.push('á');
    else if (ch === HAMZA_BELOW) out.push(next === 'ي' ? '' : 'i');
    else if (ch === 'و') out.push(i === 0 || next === 'ا' ? 'w' : 'U');
    else if (ch === 'ي') out.push(i === 0 || next === 'ا' ? 'y' : 'I');
    else if (ch === FEMININE) out.push('E');
    else if (ARABIC_CONSONANT[ch]) out.push(ARABIC_CONSONANT[ch]!);
  });
  return out.filter(Boolean);
}

/** The Arabic words of a name: article dropped, "عبد" split from what follows it. */
function arabicWords(word: string): string[] {
  const w = word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
  if (w.startsWith('عبد') && w.length > 3) {
    const rest = w.slice(3);
    return ['عبد', rest.length > 3 && rest.startsWith('ال') ? rest.slice(2) : rest];
  }
  return [w];
}

const LATIN_VOWELS: [RegExp, string[]][] = [
  [/^(?:aa|â)/, ['A']],
  [/^(?:ai|ay|ei|ey)(?![aeiou])/, ['a', 'I']],
  [/^(?:ou|oo|uu|û)/, ['O']],
  [/^(?:ee|ii|ie|iy|î)(?![aeiou])/, ['I']],
  [/^(?:a|à)/, ['a']],
  [/^(?:e|é|è|ë|ê)/, ['e']],
  [/^(?:i|ï)/, ['i']],
  [/^(?:o|u|ô|ö|ü)/, ['u']],
];

/** One Latin word as sound tokens, folded as the skeleton folds consonants. */
function latinTokens(raw: string): Sound {
  let w = raw
    .replace(/^ou(?=[aeiy])/, 'w')
    .replace(/kh/g, 'K')
    .replace(/gh/g, 'G')
    .replace(/(?:sch|sh|ch)/g, 'C')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/dj/g, 'j')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ph/g, 'f')
    .replace(/[qck]/g, 'k')
    .replace(/g/g, 'j')
    .replace(/G/g, 'g')
    .replace(/C/g, 'c')
    .replace(/v/g, 'f')
    .replace(/([^aeiouy3])e$/, '$1'); // French silent e: Amine = أمين
  const out: Sound = [];
  while (w.length > 0) {
    const first = w[0]!;
    const vowel = LATIN_VOWELS.find(([re]) => re.test(w));
    if (first === 'y' || first === 'w') {
      // A glide before a vowel (or at the start) is a consonant; after one, a long vowel.
      const beforeVowel = /^[yw][aeiouàâéèêëîïôûü]/.test(w) || out.length === 0;
      out.push(beforeVowel ? first : first === 'y' ? 'I' : 'U');
      w = w.slice(1);
    } else if (first === 'i' && out.length > 0 && /^i[aeouàâéèô]/.test(w)) {
      out.push('y'); // Ziad, Mariam: a glide between vowels
      w = w.slice(1);
    } else if (vowel) {
      const m = vowel[0].exec(w)!;
      out.push(...vowel[1]);
      w = w.slice(m[0].length);
    } else {
      const prev = out[out.length - 1];
      if (prev === first && first !== '3') out.push(':');
      else out.push(first);
      w = w.slice(1);
    }
  }
  // A final a is the feminine ending (Amina, Fatma) or a final alif (Houda, Mustapha): `E`.
  if (out.length > 1 && out[out.length - 1] === 'a') out[out.length - 1] = 'E';
  // A final i is the long one (Ali, Majdi, Sami: علي, مجدي, سامي).
  if (out.length > 1 && out[out.length - 1] === 'i') out[out.length - 1] = 'I';
  return out;
}

/** Names already turned into tokens: a register's names repeat from one search to the next. */
const cache = new Map<string, SoundWord[]>();
const CACHE_SIZE = 20_000;

/** The name's words as sound tokens, in either script (or both mixed), connectors and articles left out. */
export function soundWords(name: string): SoundWord[] {
  let words = cache.get(name);
  if (!words) {
    words = tokenize(name);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(name, words);
  }
  return words;
}

function tokenize(name: string): SoundWord[] {
  const marked = name
    .replace(/ة/g, FEMININE)
    .replace(/ى(?=\s|$)/g, 'ا')
    .replace(/(^|\s)(ال)?أ/g, `$1$2${HAMZA_ABOVE}`)
    .replace(/(^|\s)(ال)?إ/g, `$1$2${HAMZA_BELOW}`);
  const text = normalizeArabic(marked)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’'`ʿ]/g, '3')
    .replace(/[^a-z0-9àâéèêëîïôûüç\u0600-\u06FF]+/g, ' ')
    .replace(/ç/g, 's');
  const out: SoundWord[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    if (CONNECTORS.has(word)) continue;
    if (ARABIC_LETTER.test(word)) {
      for (const w of arabicWords(word)) out.push({ tokens: arabicTokens(w), arabic: true });
      continue;
    }
    if (LATIN_ARTICLE.test(word)) continue;
    for (const w of latinParts(word)) out.push({ tokens: latinTokens(w), arabic: false });
  }
  return out.filter((w) => w.tokens.length > 0);
}

/** "Abdelkader", "Abdul-Rahman", "El-Amine": "abd" and an article glued on come apart. */
function latinParts(word: string): string[] {
  const glued = /^(?:al|el)-?(.{3,})$/.exec(word);
  const w = glued && !/^(?:el|al)(?:i|y)/.test(word) ? glued[1]! : word;
  const abd = /^(abd|abed|abdu|abdou)(?:(?:u|e|a|ou)?l)?(.+)$/.exec(w);
  if (/^(?:abd|abed)(?:u|e|a|ou)?l?$/.test(w)) return ['abd'];
  if (!abd || abd[2]!.length < 3) return [w];
  return ['abd', abd[2]!];
}
