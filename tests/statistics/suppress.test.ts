import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIDDEN, SMALL, suppressTable, suppressTables, type CountTable, type ShownTable } from '../../src/modules/statistics/suppress.js';
import { exactAttack } from '../../src/modules/statistics/exact.js';
import { attackByEnumeration, attackByTotals, known } from './attack.js';

const table = (cells: number[][], over: Partial<CountTable> = {}): CountTable => ({
  id: 't',
  rows: cells.map((_, r) => `r${r}`),
  cols: cells[0]!.map((_, c) => `c${c}`),
  cells,
  ...over,
});

describe('small-cell suppression', () => {
  it('shows counts from 1 to 4 as "<5" and keeps zeros and counts of 5 or more', () => {
    const t = suppressTable(
      table([
        [0, 7, 9, 12],
        [5, 6, 0, 8],
      ]),
    );
    expect(t.cells).toEqual([
      [0, 7, 9, 12],
      [5, 6, 0, 8],
    ]);
    expect(t.rowTotals).toEqual([28, 19]);
    expect(t.colTotals).toEqual([5, 13, 9, 20]);
    expect(t.total).toBe(47);
    const small = suppressTable(
      table([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(small.cells.flat()).toEqual([SMALL, SMALL, SMALL, SMALL]);
    expect([...small.rowTotals, ...small.colTotals, small.total].every((v) => v !== 1 && v !== 2 && v !== 3 && v !== 4)).toBe(true);
  });

  it('hides a second value so that a "<5" cannot be worked out from its row and column totals', () => {
    const counts = [
      [3, 10, 12],
      [8, 9, 11],
      [7, 6, 20],
    ];
    const t = suppressTable(table(counts));
    expect(t.cells[0]![0]).toBe(SMALL);
    // The attacks do work: on the primary suppression alone both recover the 3.
    const primaryOnly: ShownTable = {
      ...t,
      cells: counts.map((row) => row.map((v) => (v < 5 ? SMALL : v))),
      rowTotals: [25, 28, 33],
      colTotals: [18, 25, 43],
      total: 86,
    };
    expect(attackByTotals(primaryOnly)).toEqual(['0,0']);
    expect(attackByEnumeration(primaryOnly, 40)).toEqual(['cell0']);
    // Without the second suppression: row 0 total 25 − 10 − 12 = 3. The attack must now fail.
    expect(attackByTotals(t)).toEqual([]);
    expect(attackByEnumeration(t, 40)).toEqual([]);
    const hidden = t.cells.flat().filter((v) => v === HIDDEN).length + [...t.rowTotals, ...t.colTotals].filter((v) => v === HIDDEN).length;
    expect(hidden).toBeGreaterThanOrEqual(3);
    // Shown values are the true ones.
    for (const [r, row] of t.cells.entries()) for (const [c, v] of row.entries()) if (known(v)) expect(v).toBe(counts[r]![c]);
  });

  it('does not hide a zero next to a "<5" when the pair would still give it away', () => {
    // Row total 2 with cells <5, 0 → a hidden 0 and the total 2 shown would still say 2.
    const t = suppressTable(
      table([
        [2, 0, 9],
        [6, 7, 8],
      ]),
    );
    expect(attackByTotals(t)).toEqual([]);
    expect(attackByEnumeration(t, 40)).toEqual([]);
  });

  it('suppresses tables sharing their month totals together: a total hidden in one is hidden in all', () => {
    const byCohort = table(
      [
        [3, 9],
        [10, 12],
      ],
      { id: 'cohort', rowTotalsKey: 'month' },
    );
    const bySource = table(
      [
        [6, 6],
        [11, 11],
      ],
      { id: 'source', rowTotalsKey: 'month' },
    );
    const [a, b] = suppressTables([byCohort, bySource]);
    expect(a!.rowTotals).toEqual(b!.rowTotals);
    expect(a!.total).toEqual(b!.total);
    expect(attackByTotals(a!)).toEqual([]);
    expect(attackByTotals(b!)).toEqual([]);
    // The month total of row 0 (12) is shown in both or hidden in both; with it shown, cohort row 0 needs two hidden cells.
    expect(a!.cells[0]!.filter((v) => !known(v)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses linked tables that disagree on a shared total', () => {
    expect(() =>
      suppressTables([table([[5, 5]], { id: 'a', rowTotalsKey: 'm' }), table([[5, 6]], { id: 'b', rowTotalsKey: 'm' })]),
    ).toThrow(/shared total/);
  });

  it('withholds a table whose small counts could still be worked out (four 1s under a total below 5)', () => {
    const t = suppressTable(
      table([
        [1, 1],
        [1, 1],
      ]),
    );
    expect(t.withheld).toBe(true);
    expect([...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total]).toEqual(Array(9).fill(HIDDEN));
    // A table that can be published is not withheld.
    expect(
      suppressTable(
        table([
          [1, 7],
          [9, 8],
        ]),
      ).withheld,
    ).toBeUndefined();
  });

  it('refuses a count that is not a whole number of 0 or more', () => {
    expect(() => suppressTable(table([[1.5, 2]]))).toThrow();
    expect(() => suppressTable(table([[-1, 2]]))).toThrow();
  });

  it('never leaves a suppressed value recoverable from the totals (random tables)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((R) =>
            fc
              .integer({ min: 1, max: 6 })
              .chain((C) =>
                fc.array(fc.array(fc.integer({ min: 0, max: 14 }), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
              ),
          ),
        (cells) => {
          const t = suppressTable(table(cells));
          expect(attackByTotals(t)).toEqual([]);
          for (const [r, row] of t.cells.entries()) for (const [c, v] of row.entries()) if (known(v)) expect(v).toBe(cells[r]![c]);
          const all = [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total];
          expect(all.every((v) => !known(v) || v === 0 || v > 4)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves nothing an exhaustive search pins down (random small tables)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
        (cells) => {
          const t = suppressTable(table(cells));
          // A table too small to publish safely shows no value at all.
          if (t.withheld) expect([...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total].every((v) => v === HIDDEN)).toBe(true);
          else expect(attackByEnumeration(t, 30)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('small-cell suppression with the exact search (what the statistics page runs)', () => {
  // Tables whose hidden cells an enumeration of every count up to 30 pinned when a '*' was treated as any
  // value: a '*' is 0 or 5 and more, never 1–4, and across a row and a column that gap can fix a value.
  const leaking = [
    [
      [5, 5, 5],
      [6, 5, 3],
    ],
    [
      [5, 5, 3],
      [6, 5, 4],
    ],
    [
      [1, 5, 5],
      [6, 0, 5],
    ],
    [
      [5, 0, 6],
      [5, 5, 1],
    ],
  ];

  it.each(leaking.map((cells) => [JSON.stringify(cells), cells] as const))('leaves nothing recoverable in %s', (_, cells) => {
    const [shown] = suppressTables([table(cells)], { attack: exactAttack });
    // Every filling with counts up to 12 (twice the largest here; up to 30 takes minutes once five values are hidden).
    expect(attackByEnumeration(shown!, 12)).toEqual([]);
  });

  it('is needed: without it at least one of those tables gives a value away', () => {
    const leaks = leaking.flatMap((cells) => attackByEnumeration(suppressTables([table(cells)])[0]!, 30));
    expect(leaks.length).toBeGreaterThan(0);
  });
});
