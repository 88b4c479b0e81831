import { locale, type Locale } from '..';
import { nestedTranslator } from '../lookup';
import { factorEn, type FactorDictionary } from './en';
import { factorAr } from './ar';
import { factorFr } from './fr';

const dictionaries: Record<Locale, FactorDictionary> = { en: factorEn, ar: factorAr, fr: factorFr };

/**
 * The second factor's words, in their own translator so they travel with the lazily loaded pages that
 * use them rather than in the first page's bundle: `ft('scan')`, `ft('resets.title')`.
 */
export const ft = nestedTranslator(() => dictionaries[locale()]);
