import { createMemo, createRoot, createSignal } from 'solid-js';
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { en, type Dictionary } from './en';
import { ar } from './ar';
import { fr } from './fr';

export type Locale = 'ar' | 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['ar', 'fr', 'en'];
/** Each language is named in itself, whatever the current locale. */
export const LOCALE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

const dictionaries: Record<Locale, Dictionary> = { en, ar, fr };
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
  const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
  const flat = createMemo(() => flatten(dictionaries[locale()]));
  return { locale, setLocaleSignal, flat, t: translator(flat, resolveTemplate) };
});

export const locale = i18n.locale;
/** The translator: `t('signIn.title')`, `t('home.title', { name })`. Keys are checked by the compiler. */
export const t = i18n.t;

/** Switches the interface language and remembers it on this device. */
export function setLocale(next: Locale) {
  i18n.setLocaleSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered on this device; the account's setting still is.
  }
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
