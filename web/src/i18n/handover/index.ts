import { locale, type Locale } from '..';
import { nestedTranslator } from '../lookup';
import { handoverEn, type HandoverDictionary } from './en';
import { handoverAr } from './ar';
import { handoverFr } from './fr';

const dictionaries: Record<Locale, HandoverDictionary> = { en: handoverEn, ar: handoverAr, fr: handoverFr };

/** The caseload handover's words, in their own translator (they travel with the users page): `ht('handAll')`. */
export const ht = nestedTranslator(() => dictionaries[locale()]);
