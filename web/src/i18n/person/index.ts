import { locale, type Locale } from '..';
import { nestedTranslator } from '../lookup';
import { personEn, type PersonDictionary } from './en';
import { personAr } from './ar';
import { personFr } from './fr';

const dictionaries: Record<Locale, PersonDictionary> = { en: personEn, ar: personAr, fr: personFr };

/** The words of a person's optional details, in their own translator: `pt('fatherName')`. */
export const pt = nestedTranslator(() => dictionaries[locale()]);
