import { batch, createRoot, createSignal } from 'solid-js';
import type { Dictionary } from './en';
import { areasOf } from './areas';
import { fill, lookup, nestedTranslator } from './lookup';

export type Locale = 'ar' | 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['ar', 'fr', 'en'];
/** Each language is named in itself, whatever the current locale. */
export const LOCALE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

/**
 * Each dictionary is its own chunk, fetched when its language is first needed: the first page carries
 * only the current language's words (en.ts stays the type every dictionary must satisfy). The words of
 * the app's areas come once someone is signed in (`loadAllWords`; see i18n/areas.ts).
 */
const loaders: Record<Locale, () => Promise<Dictionary>> = {
  en: () => import('./en').then((m) => m.en),
  ar: () => import('./ar').then((m) => m.ar),
  fr: () => import('./fr').then((m) => m.fr),
};
const bases = new Map<Locale, Promise<Dictionary>>();
const areas = new Map<Locale, Promise<Partial<Dictionary>>>();
/** Each language's words as shown, with or without the areas' (`ar|true`). */
const merged = new Map<string, Dictionary>();
/** Whether the areas' words are wanted (someone is signed in): then every language comes with them. */
let allWords = false;

/** A promise kept once (a failed fetch is tried again next time). */
function once<T>(cache: Map<Locale, Promise<T>>, l: Locale, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(l);
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(l));
    cache.set(l, pending);
  }
  return pending;
}

/**
 * The dictionary of a language: its first words, and the areas' when wanted (`all`). Kept nested as
 * written; words are found by path when asked for (i18n/lookup.ts), never flattened all at once.
 */
async function dictionary(l: Locale): Promise<{ all: boolean; words: Dictionary }> {
  const all = allWords;
  const [base, more] = await Promise.all([once(bases, l, loaders[l]), all ? once(areas, l, () => areasOf(l)) : {}]);
  // One object per language and extent: asking again shows the same words, and nothing re-renders.
  const key = `${l}|${all}`;
  let words = merged.get(key);
  if (!words) {
    words = { ...base, ...more } as Dictionary;
    merged.set(key, words);
  }
  return { all, words };
}

const STORAGE_KEY = 'jisr.locale';

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode, policy); the browser's language is the next guess.
  }
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'ar';
}

const i18n = createRoot(() => {
  const first = initialLocale();
  const [locale, setLocaleSignal] = createSignal<Locale>(first);
  // Empty until the first dictionary arrives: main.tsx renders nothing before `i18nReady`.
  const [words, setWords] = createSignal<Dictionary>({} as Dictionary);
  return { first, locale, setLocaleSignal, words, setWords, t: nestedTranslator(words) };
});

/** The language asked for last: a slower earlier fetch must not win over it. */
let wanted: Locale = i18n.first;
/** What is on screen: which language, and whether with the areas' words. */
let shown: { l: Locale; all: boolean; words: Dictionary } | null = null;

/** Puts a language's words on screen, words and locale together, unless another was asked for since or more of them already show. */
function show(l: Locale, got: { all: boolean; words: Dictionary }) {
  if (wanted !== l || (shown?.l === l && ((shown.all && !got.all) || shown.words === got.words))) return;
  shown = { l, all: got.all, words: got.words };
  batch(() => {
    i18n.setWords(() => got.words);
    i18n.setLocaleSignal(l);
  });
}

/** Resolves once the starting language's words are here; the app renders after it. */
export const i18nReady: Promise<void> = dictionary(i18n.first).then((got) => show(i18n.first, got));

export const locale = i18n.locale;
/** The translator: `t('signIn.title')`, `t('home.title', { name })`. Keys are checked by the compiler. */
export const t = i18n.t;

/**
 * Switches the interface language and remembers it on this device. The words and the locale change
 * together once the new dictionary is here (until then the page stays whole in the old language).
 */
export async function setLocale(next: Locale): Promise<void> {
  wanted = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered on this device; the account's setting still is.
  }
  show(next, await dictionary(next));
}

/**
 * Fetches the words of every area of the app in the current language (and, from now on, in any
 * language switched to); resolves when they are in place. The signed-in frame waits for it.
 */
export async function loadAllWords(): Promise<void> {
  allWords = true;
  const l = wanted;
  show(l, await dictionary(l));
}

export const dirOf = (l: Locale) => (l === 'ar' ? 'rtl' : 'ltr');
export { isLocale };

/**
 * A key only known at run time (an error code from the server, an audit action name):
 * its translation under `prefix`, or `fallback` when the dictionary has none.
 */
export function tKey(prefix: string, key: string, fallback: string = key, args?: Record<string, string>): string {
  const value = lookup(i18n.words(), `${prefix}.${key}`);
  return typeof value === 'string' ? fill(value, args) : fallback;
}
