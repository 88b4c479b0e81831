import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HIDDEN,
  SMALL,
  suppressTable,
  suppressTables,
  type CountTable,
  type Shown,
  type ShownTable,
} from '../../src/modules/statistics/suppress.js';

const table = (cells: number[][], over: Partial<CountTable> = {}): CountTable => ({
  id: 't',
  rows: cells.map((_, r) => `r${r}`),
  cols: cells[0]!.map((_, c) => `c${c}`),
  cells,
  ...over,
});

const known = (v: Shown): v is number => typeof v === 'number';

/**
 * The attacker of the brief: every line of the table (a row with its total, a column with its total,
 * the row totals with the grand total, the column totals with it) is a sum; a line with one value
 * not shown gives it away. Recovered values are put back and the lines read again until nothing moves.
 */
function attackByTotals(t: ShownTable): string[] {
  const grid: Shown[][] = [...t.cells.map((row, r) => [...row, t.rowTotals[r]!]), [...t.colTotals, t.total]];
  const R = t.rows.length;
  const C = t.cols.length;
  const got: string[] = [];
  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: C + 1 }, (_, c) => Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number])),
  ];
  for (let moved = true; moved; ) {
    moved = false;
    for (const line of lines) {
      const missing = line.filter(([r, c]) => !known(grid[r]![c]!));
      if (missing.length !== 1) continue;
      const [mr, mc] = missing[0]!;
      const parts = line.slice(0, -1);
      const [tr, tc] = line.at(-1)!;
      const isTotal = mr === tr && mc === tc;
      const partsSum = parts.filter(([r, c]) => !(r === mr && c === mc)).reduce((a, [r, c]) => a + (grid[r]![c] as number), 0);
      grid[mr]![mc] = isTotal ? partsSum : (grid[tr]![tc] as number) - partsSum;
      got.push(`${mr},${mc}`);
      moved = true;
    }
  }
  return got;
}

/**
 * An exact attacker for small tables: every filling of the cells not shown that agrees with what is
 * shown ("<5" is 1–4, "*" is 0 or ≥ 5, totals add up). A suppressed value taking one value in every
 * filling is recovered.
 */
function attackByEnumeration(t: ShownTable, limit: number): string[] {
  const R = t.rows.length;
  const C = t.cols.length;
  const fits = (mark: Shown, v: number) => (known(mark) ? mark === v : mark === SMALL ? v >= 1 && v <= 4 : v === 0 || v >= 5);
  const seen = new Map<string, Set<number>>();
  const cells = new Array<number>(R * C).fill(0);
  const note = (k: string, v: number, mark: Shown) => {
    if (known(mark)) return;
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(v);
  };
  const visit = (i: number) => {
    if (i === R * C) {
      const rowSums = Array.from({ length: R }, (_, r) => cells.slice(r * C, r * C + C).reduce((a, b) => a + b, 0));
      const colSums = Array.from({ length: C }, (_, c) => rowSums.reduce((a, _, r) => a + cells[r * C + c]!, 0));
      const grand = rowSums.reduce((a, b) => a + b, 0);
      if (!rowSums.every((v, r) => fits(t.rowTotals[r]!, v)) || !colSums.every((v, c) => fits(t.colTotals[c]!, v)) || !fits(t.total, grand))
        return;
      cells.forEach((v, j) => note(`cell${j}`, v, t.cells[Math.floor(j / C)]![j % C]!));
      rowSums.forEach((v, r) => note(`row${r}`, v, t.rowTotals[r]!));
      colSums.forEach((v, c) => note(`col${c}`, v, t.colTotals[c]!));
      note('grand', grand, t.total);
      return;
    }
    const r = Math.floor(i / C);
    const mark = t.cells[r]![i % C]!;
    const rowTotal = t.rowTotals[r]!;
    const rowSoFar = cells.slice(r * C, i).reduce((a, b) => a + b, 0);
    const top = known(mark) ? mark : Math.min(limit, known(rowTotal) ? rowTotal - rowSoFar : limit);
    for (let v = known(mark) ? mark : 0; v <= top; v++) {
      if (!fits(mark, v)) continue;
      cells[i] = v;
      // A finished row must add up to its total before the next row is tried.
      if (i % C === C - 1 && !fits(rowTotal, rowSoFar + v)) continue;
      visit(i + 1);
    }
  };
  visit(0);
  return [...seen].filter(([, vs]) => vs.size === 1).map(([k]) => k);
}

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
    t.cells.forEach((row, r) => row.forEach((v, c) => known(v) && expect(v).toBe(counts[r]![c])));
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
          t.cells.forEach((row, r) => row.forEach((v, c) => known(v) && expect(v).toBe(cells[r]![c])));
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
          expect(attackByEnumeration(t, 30)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
