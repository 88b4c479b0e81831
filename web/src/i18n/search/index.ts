import { createMemo, createRoot } from 'solid-js';
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { locale, type Locale } from '..';
import { searchEn, type SearchDictionary } from './en';
import { searchAr } from './ar';
import { searchFr } from './fr';

const dictionaries: Record<Locale, SearchDictionary> = { en: searchEn, ar: searchAr, fr: searchFr };

/** The search page's words, in their own translator (they travel with the page): `st('title')`. */
export const st = createRoot(() => {
  const flat = createMemo(() => flatten(dictionaries[locale()]));
  return translator(flat, resolveTemplate);
});
