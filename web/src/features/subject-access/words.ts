import { flatten, resolveTemplate } from '@solid-primitives/i18n';
import type { Dictionary } from '../../i18n/en';
import type { Locale } from '../../i18n';
import { areasOf } from '../../i18n/areas';
import { personAr } from '../../i18n/person/ar';
import { personEn } from '../../i18n/person/en';
import { personFr } from '../../i18n/person/fr';

const PERSON = { en: personEn, ar: personAr, fr: personFr };

/**
 * The words of the document in the person's language, whatever the coordinator's interface language:
 * the same dictionaries the app loads (one chunk each, shared with the interface's loader), with the
 * areas' words that the web build serves apart (i18n/areas.ts; in the sources they are already in).
 */
const LOADERS: Record<Locale, () => Promise<Dictionary>> = {
  en: () => import('../../i18n/en').then((m) => m.en),
  ar: () => import('../../i18n/ar').then((m) => m.ar),
  fr: () => import('../../i18n/fr').then((m) => m.fr),
};

export interface Words {
  lang: Locale;
  dir: 'rtl' | 'ltr';
  /** The document's own words (subjectAccess.doc) and the request's (subjectAccess). */
  doc: Dictionary['subjectAccess']['doc'];
  sa: Dictionary['subjectAccess'];
  /** A value's words under a prefix of the dictionary (`stages`, `auditActions`…), or the value itself. */
  of: (prefix: string, value: string | null | undefined) => string;
  fill: (text: string, args: Record<string, string>) => string;
  /** A safe-contact channel in words. */
  channel: (c: string) => string;
  date: (d: Date | string | null | undefined) => string;
  dateTime: (d: Date | string | null | undefined) => string;
}

export async function wordsOf(lang: Locale): Promise<Words> {
  const [base, areas] = await Promise.all([LOADERS[lang](), areasOf(lang)]);
  const dictionary = { ...base, ...areas } as Dictionary;
  const flat = flatten(dictionary) as Record<string, unknown>;
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    doc: dictionary.subjectAccess.doc,
    sa: dictionary.subjectAccess,
    of: (prefix, value) => {
      if (value === null || value === undefined) return '';
      const found = flat[`${prefix}.${value}`];
      return typeof found === 'string' ? found : value;
    },
    fill: (text, args) => resolveTemplate(text, args),
    channel: (c) => (PERSON[lang].channels as Record<string, string>)[c] ?? c,
    date: (d) => (d ? day.format(new Date(d)) : ''),
    dateTime: (d) => (d ? moment.format(new Date(d)) : ''),
  };
}
