/** One published sum: the value named `total` is the sum of the values named in `parts`. */
export interface Equation {
  total: string;
  parts: readonly string[];
}

const EPSILON = 1e-9;

/**
 * The unknown values that the sums fix exactly, whatever the others are: x is fixed when every
 * solution of the homogeneous system has x = 0, i.e. x is a pivot of the reduced row echelon form
 * whose row has nothing in a free column. Coefficients are ±1 and tables small, so floating point with
 * a tolerance is exact enough (each pivot row is divided by its pivot, values stay small integers or
 * simple fractions).
 */
export function determined(equations: readonly Equation[], unknown: (name: string) => boolean): Set<string> {
  const vars = [...new Set(equations.flatMap((e) => [e.total, ...e.parts]).filter(unknown))];
  const index = new Map(vars.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const e of equations) {
    const row = new Array<number>(vars.length).fill(0);
    let any = false;
    for (const [name, sign] of [[e.total, -1] as const, ...e.parts.map((p) => [p, 1] as const)]) {
      const i = index.get(name);
      if (i === undefined) continue;
      row[i] = row[i]! + sign;
      any = true;
    }
    if (any) rows.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < vars.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > EPSILON);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    const k = pivot[c]!;
    for (let j = 0; j < vars.length; j++) pivot[j] = pivot[j]! / k;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) <= EPSILON) continue;
      for (let j = 0; j < vars.length; j++) rows[i]![j] = rows[i]![j]! - f * pivot[j]!;
    }
    pivots.push(c);
    r++;
  }
  const isPivot = new Set(pivots);
  const free = vars.map((_, i) => i).filter((i) => !isPivot.has(i));
  const found = new Set<string>();
  pivots.forEach((c, row) => {
    if (free.every((f) => Math.abs(rows[row]![f]!) <= EPSILON)) found.add(vars[c]!);
  });
  return found;
}
