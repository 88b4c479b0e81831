/**
 * The unknowns that published sums fix exactly, whatever the others are. Each sum is a list of value
 * ids whose last is the total (total = Σ the others). x is fixed when every solution of the homogeneous
 * system has x = 0: x is a pivot of the reduced row echelon form whose row has nothing in a free
 * column. Coefficients are ±1 and tables small, so floating point with a tolerance is exact enough.
 */
export function determined(sums: readonly Int32Array[], unknown: (id: number) => boolean): number[] {
  const column = new Map<number, number>();
  const vars: number[] = [];
  for (const members of sums)
    for (const id of members)
      if (unknown(id) && !column.has(id)) {
        column.set(id, vars.length);
        vars.push(id);
      }
  const width = vars.length;
  const rows: Float64Array[] = [];
  for (const members of sums) {
    const row = new Float64Array(width);
    let any = false;
    members.forEach((id, i) => {
      const c = column.get(id);
      if (c === undefined) return;
      row[c] = row[c]! + (i === members.length - 1 ? -1 : 1);
      any = true;
    });
    if (any) rows.push(row);
  }
  const EPSILON = 1e-9;
  const pivots: number[] = [];
  for (let c = 0, r = 0; c < width && r < rows.length; c++) {
    let p = r;
    while (p < rows.length && Math.abs(rows[p]![c]!) <= EPSILON) p++;
    if (p === rows.length) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    const k = pivot[c]!;
    // Columns before c are zero in the pivot row: earlier pivots were eliminated, skipped columns were zero.
    for (let j = c; j < width; j++) pivot[j] = pivot[j]! / k;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const f = row[c]!;
      if (i === r || Math.abs(f) <= EPSILON) continue;
      for (let j = c; j < width; j++) if (pivot[j] !== 0) row[j] = row[j]! - f * pivot[j]!;
    }
    pivots.push(c);
    r++;
  }
  const isPivot = new Set(pivots);
  const free: number[] = [];
  for (let c = 0; c < width; c++) if (!isPivot.has(c)) free.push(c);
  return pivots.filter((_, r) => free.every((f) => Math.abs(rows[r]![f]!) <= EPSILON)).map((c) => vars[c]!);
}
