import { SMALL, type Shown } from '../../src/modules/statistics/suppress.js';
import type { City, HubShown } from '../../src/modules/hub/hierarchy.js';

const known = (v: Shown): v is number => typeof v === 'number';
const fits = (mark: Shown, v: number) => (known(mark) ? mark === v : mark === SMALL ? v >= 1 && v <= 4 : v === 0 || v >= 5);
const add = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The attacker of the hierarchy, exact for small figures: every filling of the cities' counts (each
 * from 0 to `limit`) that agrees with EVERYTHING published — the cities' cells and totals, the countries'
 * cells and totals, the hub's totals ("<5" is 1–4, "*" is 0 or ≥ 5) — is found, country by country and
 * then across countries. A suppressed value that takes one value in every filling is recovered; its name
 * is returned. Independent of suppress.ts (which it attacks).
 */
export function attackHierarchy(f: HubShown, cities: readonly City[], limit: number): string[] {
  const m = f.byMunicipality;
  const k = f.byCountry;
  const C = m.cols.length;
  const seen = new Map<string, Set<number>>();
  const note = (name: string, mark: Shown, v: number) => {
    if (known(mark)) return;
    if (!seen.has(name)) seen.set(name, new Set());
    seen.get(name)!.add(v);
  };
  // Each city's possible rows, alone: its cells and its total must fit their marks.
  const options = m.rows.map((_, r) => {
    const rows: number[][] = [];
    const walk = (row: number[]) => {
      if (row.length === C) {
        if (fits(m.rowTotals[r]!, add(row))) rows.push(row);
        return;
      }
      for (let v = 0; v <= limit; v++) if (fits(m.cells[r]![row.length]!, v)) walk([...row, v]);
    };
    walk([]);
    return rows;
  });
  // Per country: its cities' fillings whose sums fit the country's row, grouped by that row.
  const perCountry = k.rows.map((code, ki) => {
    const members = m.rows.map((id, r) => ({ id, r })).filter(({ id }) => cities.find((c) => c.id === id)!.country === code);
    const byRow = new Map<string, { row: number[]; fillings: number[][][] }>();
    const chosen: number[][] = [];
    const visit = (i: number, sums: number[]) => {
      if (sums.some((v, c) => known(k.cells[ki]![c]!) && v > (k.cells[ki]![c] as number))) return;
      if (i === members.length) {
        if (!sums.every((v, c) => fits(k.cells[ki]![c]!, v)) || !fits(k.rowTotals[ki]!, add(sums))) return;
        const key = sums.join(',');
        if (!byRow.has(key)) byRow.set(key, { row: sums, fillings: [] });
        byRow.get(key)!.fillings.push([...chosen]);
        return;
      }
      for (const row of options[members[i]!.r]!) {
        chosen[i] = row;
        visit(
          i + 1,
          sums.map((v, c) => v + row[c]!),
        );
      }
    };
    visit(0, new Array(C).fill(0));
    return { members, rows: [...byRow.values()] };
  });
  // Across countries: the hub's totals.
  const feasible = perCountry.map(() => new Set<number>());
  const pick: number[] = [];
  const across = (ki: number, sums: number[]) => {
    if (ki === perCountry.length) {
      if (!sums.every((v, c) => fits(k.colTotals[c]!, v)) || !fits(k.total, add(sums))) return;
      pick.forEach((p, i) => {
        feasible[i]!.add(p);
      });
      sums.forEach((v, c) => {
        note(`hub ${k.cols[c]}`, k.colTotals[c]!, v);
      });
      note('hub total', k.total, add(sums));
      return;
    }
    perCountry[ki]!.rows.forEach((option, p) => {
      pick[ki] = p;
      across(
        ki + 1,
        sums.map((v, c) => v + option.row[c]!),
      );
    });
  };
  across(0, new Array(C).fill(0));
  perCountry.forEach(({ members, rows }, ki) => {
    for (const p of feasible[ki]!) {
      const { row, fillings } = rows[p]!;
      row.forEach((v, c) => {
        note(`country ${k.rows[ki]} ${k.cols[c]}`, k.cells[ki]![c]!, v);
      });
      note(`country ${k.rows[ki]} total`, k.rowTotals[ki]!, add(row));
      for (const filling of fillings)
        filling.forEach((cityRow, i) => {
          const r = members[i]!.r;
          cityRow.forEach((v, c) => {
            note(`city ${m.rows[r]} ${m.cols[c]}`, m.cells[r]![c]!, v);
          });
          note(`city ${m.rows[r]} total`, m.rowTotals[r]!, add(cityRow));
        });
    }
  });
  return [...seen].filter(([, vs]) => vs.size === 1).map(([name]) => name);
}
