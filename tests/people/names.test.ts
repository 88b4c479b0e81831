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

  it('keeps a final ح (and the h of الله) but not a final ة', () => {
    expect(nameKeys('صلاح').skeleton).toBe('slh');
    expect(nameKeys('Salah').skeleton).toBe('slh');
    expect(nameKeys('محمد بن صالح').skeleton).toBe(nameKeys('Mohammed Ben Saleh').skeleton);
    expect(nameKeys('عبد الله').skeleton).toBe(nameKeys('Abdallah').skeleton);
    expect(nameKeys('فاطمة').skeleton).toBe(nameKeys('Fatma').skeleton);
    expect(nameKeys('صلاح الدين').skeleton).toBe(nameKeys('Salah Eddine').skeleton);
  });
});
