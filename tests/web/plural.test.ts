import { describe, expect, it, vi } from 'vitest';
import { resolveTemplate } from '@solid-primitives/i18n';
import { type PluralForms, pluralForm } from '../../src/shared/plural.js';

// The dictionaries' module guesses the language from the browser's; Node 20 has no navigator.
vi.stubGlobal('navigator', { language: 'en' });
const { ar } = await import('../../web/src/i18n/ar.js');
const { fr } = await import('../../web/src/i18n/fr.js');
const { en } = await import('../../web/src/i18n/en.js');

/** Every counted entry of a dictionary (declared with plural()): an object whose keys are plural categories. */
function counted(dict: unknown, path = ''): [string, PluralForms][] {
  if (!dict || typeof dict !== 'object') return [];
  const keys = Object.keys(dict);
  if (keys.includes('other') && keys.every((k) => ['zero', 'one', 'two', 'few', 'many', 'other'].includes(k)))
    return [[path, dict as PluralForms]];
  return keys.flatMap((k) => counted((dict as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

const say = (forms: PluralForms, n: number, locale: string) =>
  resolveTemplate(pluralForm(forms, n, locale), { count: new Intl.NumberFormat(locale).format(n), shown: '1', age: '2' });

describe('counted messages in the dictionaries', () => {
  it('the same entries are counted in the three languages, and Arabic gives one, two and few (3–10) their own words', () => {
    const paths = (d: unknown) =>
      counted(d)
        .map(([p]) => p)
        .sort();
    expect(paths(en).length).toBeGreaterThanOrEqual(6);
    expect(paths(ar)).toEqual(paths(en));
    expect(paths(fr)).toEqual(paths(en));
    for (const [path, forms] of counted(ar)) {
      for (const form of ['one', 'two', 'few'] as const) expect(forms[form], `${path}.${form}`).toBeTruthy();
      // 3–10 counts the plural noun; 100 (other) the singular: they are never the same words.
      expect(forms.few, path).not.toBe(forms.other);
    }
    for (const [path, forms] of counted(en)) expect(forms.one, path).toBeTruthy();
  });

  it('"صُدِّر 1 حدثًا" is gone: one, two, three, eleven and a hundred events each read right', () => {
    const exported = ar.audit.exported as PluralForms;
    expect(say(exported, 1, 'ar-JO')).toBe('صُدِّر حدث واحد.');
    expect(say(exported, 2, 'ar-JO')).toBe('صُدِّر حدثان.');
    expect(say(exported, 3, 'ar-JO')).toBe('صُدِّرت ٣ أحداث.');
    expect(say(exported, 11, 'ar-TN')).toBe('صُدِّر 11 حدثًا.');
    expect(say(exported, 100, 'ar-TN')).toBe('صُدِّر 100 حدث.');
    expect(say(exported, 0, 'ar-TN')).toBe('لم يُصدَّر أي حدث.');
    expect(say(en.audit.exported as PluralForms, 1, 'en')).toBe('1 event exported.');
    expect(say(fr.audit.exported as PluralForms, 1, 'fr-TN')).toBe('1 événement exporté.');
    expect(say(fr.audit.exported as PluralForms, 2, 'fr-TN')).toBe('2 événements exportés.');
  });
});
