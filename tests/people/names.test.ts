import { describe, expect, it } from 'vitest';
import { nameKeys, normalizeArabic } from '../../src/modules/people/names.js';

describe('normalizeArabic', () => {
  it('strips tashkeel, tatweel and invisible marks, and unifies letter forms', () => {
    expect(normalizeArabic('مُحَمَّد')).toBe('محمد');
    expect(normalizeArabic('محـــمد')).toBe('محمد');
    expect(normalizeArabic('أحمد إبراهيم آمنة')).toBe('احمد ابراهيم امنه');
    expect(normalizeArabic('فاطمة مصطفى')).toBe('فاطمه مصطفي');
    expect(normalizeArabic('مؤمن هانئ')).toBe('مومن هاني');
    expect(normalizeArabic('\u200fيوسف\u200d')).toBe('يوسف');
  });
});

describe('nameKeys', () => {
  it('gives the same skeleton to the same name in both scripts', () => {
    expect(nameKeys('محمد الأمين').skeleton).toBe(nameKeys('Mohamed El Amine').skeleton);
    expect(nameKeys('عبد الرحمن').skeleton).toBe(nameKeys('Abderrahmane').skeleton);
    expect(nameKeys('عبد الرحمن').skeleton).toBe(nameKeys('Abdul Rahman').skeleton);
    expect(nameKeys('Mohammed').skeleton).toBe(nameKeys('Muhammad').skeleton);
  });
});
