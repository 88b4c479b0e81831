import { describe, expect, it } from 'vitest';
import { nameSimilarity } from '../../src/modules/people/sound-compare.js';
import { rankMatches } from '../../src/modules/people/rank.js';

const closer = (typed: string, same: string, other: string) =>
  expect(nameSimilarity(typed, same).similarity, `${typed}: ${same} before ${other}`).toBeGreaterThan(
    nameSimilarity(typed, other).similarity,
  );

describe('how names sound', () => {
  it('tells a name from a look-alike with its consonants: long vowels, ʿayn, the feminine ending', () => {
    closer('Mohamed', 'محمد', 'محمود');
    closer('Mahmoud', 'محمود', 'محمد');
    closer('Hassan', 'حسن', 'حسين');
    closer('Hussein', 'حسين', 'حسن');
    closer('Said', 'سعيد', 'سعد');
    closer('Saad', 'سعد', 'سعيد');
    closer("Sa'd", 'سعد', 'سعيد');
    closer('Amine', 'أمين', 'أمينة');
    closer('Amina', 'أمينة', 'أمين');
    closer('Kareema', 'كريمة', 'كريم');
    closer('Imane', 'إيمان', 'أمان');
    closer('Hassan', 'Hasan', 'Hussein');
  });

  it('takes a compound, another word order and a missing father’s name as the same name', () => {
    expect(nameSimilarity('Salaheddine', 'صلاح الدين').similarity).toBeGreaterThan(0.85);
    expect(nameSimilarity('Jlassi Mohamed', 'محمد الجلاصي').similarity).toBeGreaterThan(0.85);
    // A father's name one side does not know costs less than one that differs.
    closer('Mohamed Ben Salah Jlassi', 'محمد الجلاصي', 'محمد بن علي الجلاصي');
  });

  it('ranks by evidence and says why: same spelling, another spelling, a similar name', () => {
    const row = (id: string, nameArabic: string | null, nameLatin: string | null, birthYear: number | null = null) => ({
      id,
      similarity: 1,
      birth_year: birthYear,
      name_arabic: nameArabic,
      name_latin: nameLatin,
    });
    // The ids run against the evidence: a ranking by id would put "a" first.
    const ranked = rankMatches('Mohamed Jlassi', 1990, [
      row('a', 'محمود الجلاصي', null, 1990),
      row('b', 'محمد الجلاصي', null),
      row('c', null, 'Mohamed Jlassi'),
      row('d', 'محمد الجلاصي', null, 1991),
      row('e', 'كريم الجلاصي', null, 1990),
    ]);
    // The look-alike (محمود) stays below the name even with the birth year for it; a different given
    // name with only the family name in common is not offered.
    expect(ranked.map((r) => [r.id, r.reason])).toEqual([
      ['c', 'same_spelling'],
      ['d', 'transliteration'],
      ['b', 'transliteration'],
      ['a', 'transliteration'],
    ]);
    const partial = rankMatches('Mohamed', null, [row('f', 'محمد الجلاصي', null)]);
    expect(partial).toEqual([{ id: 'f', score: expect.any(Number), reason: 'transliteration' }]);
    expect(rankMatches('Mohamed Jlassi', null, [row('g', 'محمد بن علي الزغلامي', null)])[0]?.reason ?? 'similar').toBe('similar');
  });
});
