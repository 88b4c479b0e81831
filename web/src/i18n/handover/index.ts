import { createMemo, createRoot } from 'solid-js';
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n';
import { locale, type Locale } from '..';
import { handoverEn, type HandoverDictionary } from './en';
import { handoverAr } from './ar';
import { handoverFr } from './fr';

const dictionaries: Record<Locale, HandoverDictionary> = { en: handoverEn, ar: handoverAr, fr: handoverFr };

/** The caseload handover's words, in their own translator (they travel with the users page): `ht('handAll')`. */
export const ht = createRoot(() => {
  const flat = createMemo(() => flatten(dictionaries[locale()]));
  return translator(flat, resolveTemplate);
});
