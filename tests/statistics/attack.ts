import { SMALL, type Shown, type ShownTable } from '../../src/modules/statistics/suppress.js';

export const known = (v: Shown): v is number => typeof v === 'number';

/**
 * The attacker of the brief: every line of the table (a row with its total, a column with its total,
 * the row totals with the grand total, the column totals with it) is a sum; a line with one value
 * not shown gives it away. Recovered values are put back and the lines read again until nothing moves.
 */
export function attackByTotals(t: ShownTable): string[] {
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
export function attackByEnumeration(t: ShownTable, limit: number): string[] {
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
      cells.forEach((v, j) => {
        note(`cell${j}`, v, t.cells[Math.floor(j / C)]![j % C]!);
      });
      rowSums.forEach((v, r) => {
        note(`row${r}`, v, t.rowTotals[r]!);
      });
      colSums.forEach((v, c) => {
        note(`col${c}`, v, t.colTotals[c]!);
      });
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
