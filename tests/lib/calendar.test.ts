import { describe, expect, it } from 'vitest';
import { addDaysIn, addMonthsIn, dayIn, isoDayIn } from '../../src/shared/days.js';
import { defaultTimeZone, defaultWeekend, regionalLocale } from '../../src/shared/calendar.js';
import { pluralForm } from '../../src/shared/plural.js';
import { manualClock } from '../../src/lib/clock.js';

const at = (iso: string) => new Date(iso);

describe('"today" where the municipality is', () => {
  it('in Asia/Amman just after local midnight it is already the next day; in UTC not yet', () => {
    // Thursday 15 January 2026, 00:05 in Amman (UTC+3) = Wednesday 21:05 UTC.
    const clock = manualClock(at('2026-01-14T21:05:00Z'));
    expect(isoDayIn(clock(), 'Asia/Amman')).toBe('2026-01-15');
    expect(isoDayIn(clock(), 'UTC')).toBe('2026-01-14');
    expect(dayIn(clock(), 'Asia/Amman')).toEqual(at('2026-01-15T00:00:00Z'));
    // One minute before midnight there it is still the 14th.
    clock.set(at('2026-01-14T20:59:00Z'));
    expect(isoDayIn(clock(), 'Asia/Amman')).toBe('2026-01-14');
    // Tunis (UTC+1) and Casablanca (UTC+1, UTC+0 in Ramadan) turn later; the day is theirs, not the server's.
    clock.set(at('2026-01-14T23:30:00Z'));
    expect(isoDayIn(clock(), 'Africa/Tunis')).toBe('2026-01-15');
    expect(isoDayIn(clock(), 'Asia/Baghdad')).toBe('2026-01-15');
    expect(isoDayIn(clock(), '')).toBe('2026-01-14'); // no zone: UTC
    expect(isoDayIn(clock(), 'Not/AZone')).toBe('2026-01-14'); // an unknown zone reads as UTC, never throws
  });

  it('days and months are counted from the local date', () => {
    const justAfterMidnight = at('2026-01-30T21:30:00Z'); // 31 January, 00:30 in Amman
    expect(addDaysIn(justAfterMidnight, 'Asia/Amman', 1)).toEqual(at('2026-02-01T00:00:00Z'));
    expect(addDaysIn(justAfterMidnight, 'UTC', 1)).toEqual(at('2026-01-31T00:00:00Z'));
    expect(addMonthsIn(justAfterMidnight, 'Asia/Amman', 1)).toEqual(at('2026-03-03T00:00:00Z')); // 31 Jan + 1 month rolls over
    expect(addMonthsIn(justAfterMidnight, 'UTC', 1)).toEqual(at('2026-03-02T00:00:00Z'));
  });
});

describe('the calendar by country', () => {
  it('Friday–Saturday in Egypt, Jordan, Iraq, Libya, Algeria and Saudi Arabia; Saturday–Sunday in Tunisia, Morocco, Lebanon', () => {
    for (const c of ['EG', 'JO', 'IQ', 'LY', 'DZ', 'SA', 'jo']) expect(defaultWeekend(c), c).toEqual([5, 6]);
    for (const c of ['TN', 'MA', 'LB', 'FR']) expect(defaultWeekend(c), c).toEqual([6, 0]);
    expect(defaultTimeZone('JO')).toBe('Asia/Amman');
    expect(defaultTimeZone('TN')).toBe('Africa/Tunis');
    expect(defaultTimeZone('XX')).toBe('UTC');
  });
});

describe('regional formats', () => {
  const month = (language: string, country: string) =>
    new Intl.DateTimeFormat(regionalLocale(language, country), { month: 'long', timeZone: 'UTC' }).format(at('2026-01-15T00:00:00Z'));

  it("the regional locale is the language with the municipality's country; English stays plain", () => {
    expect(regionalLocale('ar', 'JO')).toBe('ar-JO');
    expect(regionalLocale('ar', 'tn')).toBe('ar-TN');
    expect(regionalLocale('fr', 'MA')).toBe('fr-MA');
    expect(regionalLocale('en', 'JO')).toBe('en');
    expect(regionalLocale('ar', null)).toBe('ar');
    expect(regionalLocale('ar', '1; x')).toBe('ar');
  });

  it('January as each region says it: كانون الثاني in the Levant and Iraq, جانفي in Tunisia and Algeria, يناير in Morocco and Egypt', () => {
    for (const c of ['JO', 'LB', 'IQ']) expect(month('ar', c), c).toBe('كانون الثاني');
    for (const c of ['TN', 'DZ']) expect(month('ar', c), c).toBe('جانفي');
    for (const c of ['MA', 'EG', 'LY']) expect(month('ar', c), c).toBe('يناير');
    expect(month('fr', 'TN')).toBe('janvier');
    // Plain `ar` (what every page used) says يناير everywhere: the Levant's users did not see their month.
    expect(new Intl.DateTimeFormat('ar', { month: 'long' }).format(at('2026-01-15T00:00:00Z'))).toBe('يناير');
  });

  it('numbers: Arabic-Indic digits in the Levant, Iraq and Egypt; Latin digits in the Maghreb', () => {
    expect(new Intl.NumberFormat(regionalLocale('ar', 'JO')).format(1234)).toBe('١٬٢٣٤');
    expect(new Intl.NumberFormat(regionalLocale('ar', 'EG')).format(12)).toBe('١٢');
    expect(new Intl.NumberFormat(regionalLocale('ar', 'TN')).format(1234)).toBe('1.234');
    expect(new Intl.NumberFormat(regionalLocale('ar', 'MA')).format(12)).toBe('12');
  });
});

describe('Arabic plurals through Intl.PluralRules', () => {
  const events = {
    zero: 'لم يُصدَّر أي حدث.',
    one: 'صُدِّر حدث واحد.',
    two: 'صُدِّر حدثان.',
    few: 'صُدِّرت {{ count }} أحداث.',
    many: 'صُدِّر {{ count }} حدثًا.',
    other: 'صُدِّر {{ count }} حدث.',
  };

  it('picks the six forms: 0, 1, 2, 3–10, 11–99, 100+ (and 103 is "few" again)', () => {
    const pick = (n: number) => pluralForm(events, n, 'ar-JO');
    expect(pick(0)).toBe(events.zero);
    expect(pick(1)).toBe(events.one);
    expect(pick(2)).toBe(events.two);
    expect(pick(3)).toBe(events.few);
    expect(pick(10)).toBe(events.few);
    expect(pick(11)).toBe(events.many);
    expect(pick(99)).toBe(events.many);
    expect(pick(100)).toBe(events.other);
    expect(pick(103)).toBe(events.few);
  });

  it('a language gives only the forms it needs; a missing one falls back to other', () => {
    const fr = { one: '{{ count }} événement exporté.', other: '{{ count }} événements exportés.' };
    expect(pluralForm(fr, 0, 'fr-TN')).toBe(fr.one); // French: 0 and 1 are singular
    expect(pluralForm(fr, 2, 'fr-TN')).toBe(fr.other);
    expect(pluralForm({ other: 'x' }, 1, 'ar')).toBe('x');
  });
});
