import { describe, expect, it, vi } from 'vitest';
import { flatten, resolveTemplate } from '@solid-primitives/i18n';

// The dictionaries' module guesses the language from the browser's; Node 20 has no navigator.
vi.stubGlobal('navigator', { language: 'en' });
const { fill, lookup, nestedTranslator } = await import('../../web/src/i18n/lookup.js');
const { ar } = await import('../../web/src/i18n/ar.js');
const { fr } = await import('../../web/src/i18n/fr.js');
const { en } = await import('../../web/src/i18n/en.js');
const { personAr } = await import('../../web/src/i18n/person/ar.js');

// Issue 15: the dictionaries are no longer flattened when the app starts; words are found by path
// (web/src/i18n/lookup.ts). Whatever the flattened dictionary answered, the lookup must answer the same.
describe('finding words by path in the nested dictionaries', () => {
  it('answers every path of every language exactly as the flattened dictionary does', () => {
    for (const dict of [en, ar, fr, personAr]) {
      const flat = flatten(dict) as Record<string, unknown>;
      const paths = Object.keys(flat);
      expect(paths.length).toBeGreaterThan(dict === personAr ? 10 : 1000);
      for (const path of paths) expect(lookup(dict, path), path).toBe(flat[path]);
    }
  });

  it('finds keys that hold dots themselves (audit action names), and nothing for a path that is not there', () => {
    const read = lookup(en, 'auditActions.case.read');
    expect(typeof read).toBe('string');
    expect(read).toBe((en.auditActions as Record<string, string>)['case.read']);
    const dict = { a: { 'b.c': { d: 'deep' }, b: { x: 'other' } }, 'e.f': 'top' };
    expect(lookup(dict, 'a.b.c.d')).toBe('deep');
    expect(lookup(dict, 'a.b.x')).toBe('other');
    expect(lookup(dict, 'e.f')).toBe('top');
    for (const missing of ['a.b.y', 'a.c', 'nothing', 'a.b.x.y', 'toString', 'a.constructor', ''])
      expect(lookup(dict, missing), missing).toBeUndefined();
  });

  it('fills templates as the library did, leaving a place without its value and taking values literally', () => {
    for (const [template, args] of [
      ['Hello {{ name }}, {{name}} and {{  name  }}', { name: 'Salma' }],
      ['{{ count }} of {{ total }}', { count: 3, total: 10 }],
      ['No args {{ here }}', undefined],
      ['{{ a }} {{ b }}', { a: 'x' }],
    ] as const)
      expect(fill(template, args)).toBe(resolveTemplate(template, args as Record<string, string> | undefined));
    // The library read `$&` in a value as a pattern; a word is written as it is.
    expect(fill('{{ v }}', { v: 'a$&b' })).toBe('a$&b');
  });

  it('translates through the nested dictionary with template arguments and follows a change of dictionary', () => {
    let current: Record<string, unknown> = { home: { title: 'Welcome, {{ name }}' }, f: (n: number) => `n=${n}` };
    const t = nestedTranslator(() => current as { home: { title: string }; f: (n: number) => string });
    expect(t('home.title', { name: 'Rania' })).toBe('Welcome, Rania');
    expect(t('f', 4)).toBe('n=4');
    current = { home: { title: 'أهلًا {{ name }}' }, f: (n: number) => `${n}` };
    expect(t('home.title', { name: 'رانيا' })).toBe('أهلًا رانيا');
  });
});
