import { locale, type Locale } from '..';
import { nestedTranslator } from '../lookup';
import { searchEn, type SearchDictionary } from './en';
import { searchAr } from './ar';
import { searchFr } from './fr';

const dictionaries: Record<Locale, SearchDictionary> = { en: searchEn, ar: searchAr, fr: searchFr };

/** The search page's words, in their own translator (they travel with the page): `st('title')`. */
export const st = nestedTranslator(() => dictionaries[locale()]);
