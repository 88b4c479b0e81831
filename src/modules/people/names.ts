/**
 * Name keys for matching people across Arabic and Latin script.
 *
 * Arabic names reach a register written many ways (محمد / Mohammed / Muhammad / Mohamed). We keep the
 * name as written and derive two keys that pg_trgm compares:
 * - `latinKey`: the name in one Latin spelling (Arabic transliterated, Latin folded): readable, and
 *   close for names written in Latin script;
 * - `skeleton`: the consonant skeleton of that spelling (vowels, glides, articles and doubled letters
 *   removed; letters that transliterations swap for each other folded together), which is what
 *   survives between "عبد الرحمن", "Abderrahmane" and "Abdul Rahman".
 * Candidates are ranked by trigram similarity of both keys; a person decides.
 */

const TASHKEEL = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
// Zero-width and bidirectional controls a copy-paste can bring along.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Strips tashkeel and tatweel and unifies letter forms (alef/hamza, ta marbuta, alef maqsura). */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ء/g, '')
    .replace(/ة/g, 'ه')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ہ/g, 'ه');
}

const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'u',
  ي: 'i',
  پ: 'p',
  چ: 'ch',
  ڤ: 'v',
  گ: 'g',
};

const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** One Arabic word in Latin letters: glides at a word's start are consonants, elsewhere long vowels. */
function transliterateWord(word: string): string {
  let out = '';
  [...word].forEach((ch, i) => {
    if (i === 0 && ch === 'و') out += 'w';
    else if (i === 0 && ch === 'ي') out += 'y';
    else out += ARABIC_TO_LATIN[ch] ?? (ARABIC_LETTER.test(ch) ? '' : ch);
  });
  return out;
}

/** Arabic words lose their article: "الأمين" → "امين" (the article is "el", "al", "ul" or a doubled letter in Latin). */
function dropArabicArticle(word: string): string {
  return word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
}

/** Latin letters without accents, lower case, apostrophes and hyphens as word breaks. */
function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`ʿʾ]/g, '')
    .replace(/[^a-z0-9\u0600-\u06FF]+/g, ' ')
    .trim();
}

const LATIN_ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'il',
  'ed',
  'ad',
  'ar',
  'er',
  'as',
  'es',
  'at',
  'et',
  'az',
  'ez',
  'an',
  'en',
  'ash',
  'esh',
  'ech',
]);

/** "abdul", "abdel", "abdal", "abdou" glue the article or a vowel to "abd": keep "abd" and the rest. */
function splitAbd(word: string): string[] {
  if (/^(?:abd|abed)(?:u|e|a|ou)?l?$/.test(word)) return ['abd'];
  const m = /^(abd|abed|abdu|abdou)(?:(?:u|e|a|ou)?l)?(.+)$/.exec(word);
  if (!m || m[2]!.length < 3) return [word];
  return ['abd', m[2]!];
}

/** A word of a name in one Latin spelling, and whether its final h is a letter (ح, Latin "Salah") rather than silent (ة). */
interface KeyWord {
  latin: string;
  finalH: boolean;
}

/** Arabic: only ح and the ه of "الله" are sounded at a word's end (ة was folded into ه by normalizeArabic). */
const arabicWord = (w: string): KeyWord => ({ latin: transliterateWord(w), finalH: w.endsWith('ح') || w === 'له' });
/** Latin: an h after a vowel is written because it is heard (Salah, Saleh, Abdallah); "-ah" for ة is the rarer spelling. */
const latinWord = (w: string): KeyWord => ({ latin: w, finalH: /[aeiou]h$/.test(w) });

function keyWords(name: string): KeyWord[] {
  const words = foldLatin(normalizeArabic(name)).split(' ').filter(Boolean);
  const out: KeyWord[] = [];
  for (const raw of words) {
    if (ARABIC_LETTER.test(raw)) {
      const w = dropArabicArticle(raw);
      if (w === 'عبد' || (w.startsWith('عبد') && w.length > 3)) {
        out.push({ latin: 'abd', finalH: false });
        if (w.length > 3) out.push(arabicWord(dropArabicArticle(w.slice(3))));
        continue;
      }
      out.push(arabicWord(w));
      continue;
    }
    if (LATIN_ARTICLES.has(raw)) continue;
    const articleGlued = /^(?:al|el)-?(.{3,})$/.exec(raw);
    out.push(...splitAbd(articleGlued && !/^(?:el|al)(?:i|y)/.test(raw) ? articleGlued[1]! : raw).map(latinWord));
  }
  return out.filter((w) => w.latin);
}

/** The name as words in one Latin spelling, articles removed. */
export function latinWords(name: string): string[] {
  return keyWords(name).map((w) => w.latin);
}

/** Folds the letters transliterations swap for one another, then keeps consonants only. */
export function skeletonOf(word: string, finalH = false): string {
  let w = word
    .replace(/^ou/, 'w')
    .replace(/^y/, 'Y')
    .replace(/^w/, 'W')
    .replace(/kh/g, 'x')
    .replace(/gh/g, 'G')
    .replace(/(?:sh|ch|sch)/g, 'C')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/dj/g, 'j')
    .replace(/c(?=[eiy])/g, 's') // French spelling: Youcef, Houcine
    .replace(/ph/g, 'f')
    .replace(/q|c|k/g, 'k')
    .replace(/g/g, 'j')
    .replace(/G/g, 'g')
    .replace(/x/g, 'K')
    .replace(/C/g, 'c')
    .replace(finalH ? /$^/ : /e?h$/, '') // final ta marbuta / silent h: Fatima = فاطمة
    .replace(/[aeiouyw]/g, '')
    .replace(/Y/g, 'y')
    .replace(/W/g, 'w');
  w = w.replace(/(.)\1+/g, '$1');
  return w;
}

export interface NameKeys {
  latinKey: string;
  skeleton: string;
}

/** The two matching keys of a name as written, in either script. */
export function nameKeys(name: string): NameKeys {
  const words = keyWords(name);
  return {
    latinKey: words.map((w) => w.latin).join(' '),
    skeleton: words
      .map((w) => skeletonOf(w.latin, w.finalH))
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * The keys stored for a person: the Latin key of the Latin name (else the Arabic one), the
 * skeleton of the Arabic name (else the Latin one), as people.create stores them.
 */
export function personKeys(person: { nameArabic?: string | null; nameLatin?: string | null }): NameKeys {
  const keys = nameKeys(person.nameLatin ?? person.nameArabic ?? '');
  return { latinKey: keys.latinKey, skeleton: person.nameArabic ? nameKeys(person.nameArabic).skeleton : keys.skeleton };
}
