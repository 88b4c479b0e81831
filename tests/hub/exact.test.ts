import { describe, expect, it } from 'vitest';
import { HIDDEN_MARK, SHOWN, SMALL_MARK, boundsAttack, linearAttack } from '../../src/modules/statistics/attack.js';
import { suppressTable, suppressTables } from '../../src/modules/statistics/suppress.js';
import { exactAttack } from '../../src/modules/statistics/exact.js';
import { attackByEnumeration } from '../statistics/attack.js';

/**
 * One 2 × 3 table as published by bounds and linear algebra alone: cells [*, *, *], [*, *, <5], row
 * totals 15 and 14, column totals 11, 10, 8, total 29 (true cells [5, 5, 5], [6, 5, 3]). Ids: cells 0–5
 * by row, row totals 6–7, column totals 8–10, the total 11; each sum's last id is its total.
 */
const values = [5, 5, 5, 6, 5, 3, 15, 14, 11, 10, 8, 29];
const sums = [
  [0, 1, 2, 6],
  [3, 4, 5, 7],
  [0, 3, 8],
  [1, 4, 9],
  [2, 5, 10],
  [6, 7, 11],
  [8, 9, 10, 11],
].map((s) => Int32Array.from(s));
const marks = (small: number[], hidden: number[]) =>
  Uint8Array.from(values, (_, id) => (small.includes(id) ? SMALL_MARK : hidden.includes(id) ? HIDDEN_MARK : SHOWN));

describe('the exact attack (hub/exact.ts)', () => {
  it('pins what only the gap between "<5" and "*" gives away, which bounds and linear algebra miss', () => {
    // Row 0's first two "*" add to 10 or more only as 0 + 10 or 5 + 5 (column totals 11 and 10), so the
    // third is 5 and the "<5" under it 3.
    const published = { values, sums };
    const m = marks([5], [0, 1, 2, 3, 4]);
    expect(boundsAttack(published, m)).toEqual([]);
    expect(linearAttack(published, m)).toEqual([]);
    expect(exactAttack(published, m)).toEqual([2, 5]);
  });

  it('frees what some filling moves: with the row totals hidden too nothing is pinned', () => {
    expect(exactAttack({ values, sums }, marks([5], [0, 1, 2, 3, 4, 6, 7, 9, 10]))).toEqual([]);
    expect(exactAttack({ values, sums }, marks([], []))).toEqual([]);
  });

  it('a "<5" alone in a sum with shown values is pinned, as the cheap rule says', () => {
    expect(exactAttack({ values, sums }, marks([5], []))).toEqual([5]);
  });

  it('as suppressTables’ extra attack it hides more until an exhaustive search recovers nothing', () => {
    const table = {
      id: 't',
      rows: ['r0', 'r1'],
      cols: ['c0', 'c1', 'c2'],
      cells: [
        [5, 5, 5],
        [6, 5, 3],
      ],
    };
    // Counts up to 6, fillings within 5 of them: an attacker searching to 12 sees every filling relied on.
    expect(attackByEnumeration(suppressTable(table), 12)).not.toEqual([]);
    const shown = suppressTables([table], { attack: exactAttack })[0]!;
    expect(shown.withheld).toBeUndefined();
    expect(attackByEnumeration(shown, 12)).toEqual([]);
  });
});
