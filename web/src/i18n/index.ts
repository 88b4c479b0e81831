import { batch, createRoot, createSignal } from 'solid-js';
import { type Flatten, flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import type { Dictionary } from './en';

export type Locale = 'ar' | 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['ar', 'fr', 'en'];
/** Each language is named in itself, whatever the current locale. */
export const LOCALE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

type Flat = Flatten<Dictionary>;

/**
 * Each dictionary is its own chunk, fetched when its language is first needed: the first page carries
 * only the current language's words (en.ts stays the type every dictionary must satisfy).
 */
const loaders: Record<Locale, () => Promise<Dictionary>> = {
  en: () => import('./en').then((m) => m.en),
  ar: () => import('./ar').then((m) => m.ar),
  fr: () => import('./fr').then((m) => m.fr),
};
const loaded = new Map<Locale, Promise<Flat>>();

/** The flattened dictionary of a language, fetched once (a failed fetch is tried again next time). */
function dictionary(l: Locale): Promise<Flat> {
  let pending = loaded.get(l);
  if (!pending) {
    pending = loaders[l]().then(flatten);
    pending.catch(() => loaded.delete(l));
    loaded.set(l, pending);
  }
  return pending;
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
  const [flat, setFlat] = createSignal<Flat>({} as Flat);
  return { first, locale, setLocaleSignal, flat, setFlat, t: translator(flat, resolveTemplate) };
});

/** The language asked for last: a slower earlier fetch must not win over it. */
let wanted: Locale = i18n.first;

/** Resolves once the starting language's words are here; the app renders after it. */
export const i18nReady: Promise<void> = dictionary(i18n.first).then((words) => {
  if (wanted === i18n.first) i18n.setFlat(() => words);
});

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
  const words = await dictionary(next);
  if (wanted !== next) return;
  batch(() => {
    i18n.setFlat(() => words);
    i18n.setLocaleSignal(next);
  });
}

export const dirOf = (l: Locale) => (l === 'ar' ? 'rtl' : 'ltr');
export { isLocale };

/**
 * A key only known at run time (an error code from the server, an audit action name):
 * its translation under `prefix`, or `fallback` when the dictionary has none.
 */
export function tKey(prefix: string, key: string, fallback: string = key, args?: Record<string, string>): string {
  const value = (i18n.flat() as Record<string, unknown>)[`${prefix}.${key}`];
  return typeof value === 'string' ? resolveTemplate(value, args) : fallback;
}
