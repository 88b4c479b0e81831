import { describe, expect, it } from 'vitest';
import { FIGURES } from '../../src/shared/statistics.js';

const { ar } = await import('../../web/src/i18n/ar.js');
const { fr } = await import('../../web/src/i18n/fr.js');
const { en } = await import('../../web/src/i18n/en.js');

describe('the statistics page in three languages', () => {
  it("has the bad year's words and every figure's title in ar, fr and en, each its own", () => {
    for (const key of ['year_only', 'year_out_of_range'] as const) {
      expect(new Set([en.validation[key], fr.validation[key], ar.validation[key]]).size, key).toBe(3);
    }
    for (const figure of FIGURES) {
      expect(new Set([en.statistics.figures[figure], fr.statistics.figures[figure], ar.statistics.figures[figure]]).size, figure).toBe(3);
    }
    expect(ar.statistics.small).toBe('<5');
    expect(ar.auditActions['statistics.read']).not.toBe(en.auditActions['statistics.read']);
  });
});
