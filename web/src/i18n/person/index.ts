import { createMemo, createRoot } from 'solid-js';
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { locale, type Locale } from '..';
import { personEn, type PersonDictionary } from './en';
import { personAr } from './ar';
import { personFr } from './fr';

const dictionaries: Record<Locale, PersonDictionary> = { en: personEn, ar: personAr, fr: personFr };

/** The words of a person's optional details, in their own translator: `pt('fatherName')`. */
export const pt = createRoot(() => {
  const flat = createMemo(() => flatten(dictionaries[locale()]));
  return translator(flat, resolveTemplate);
});
