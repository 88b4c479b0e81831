/**
 * Suppression across the hub's hierarchy: cities, their countries, the hub. A figure (referrals by cohort,
 * say) is published three ways: one row per city, one row per country, and the hub's totals. Each is a sum
 * of the one below it, so a city's "<5" must not come back as its country's count less the other cities'
 * (nor the hub's less the other countries'). All of it is ONE system of sums for suppress.ts, which hides
 * complements until no suppressed value can be worked out from everything published together:
 *
 *   country k:  a table of its cities × categories; its row totals are the cities' totals (shared by the
 *               figures of one group, e.g. cohort, source and urgency all count the city's referrals),
 *               its column totals ARE the country row's cells, its grand total the country's total;
 *   countries:  a table of countries × categories; its row totals are the countries' totals, its column
 *               totals and grand total the hub's.
 *
 * suppress.ts names a table's column totals `<colTotalsKey>|<column>` and a cell `<table id>|<row>|<column>`:
 * giving country k's table the column key `<figure>|<k>` makes its column totals the very values (ids) of
 * the countries table's row k, so the link is a shared value, not a copy. Pure: no database.
 *
 * suppress.ts's attacks (sums, bounds, linear algebra) see a "*" as any count ≥ 0 once its bounds allow
 * it; an attacker also knows it is never 1–4, and across linked sums that gap can pin a value no bound
 * shows (issue 16: cities of two "<5" cells whose hidden totals could each only be 5). So the hub's
 * system is also searched exactly (exact.ts), and suppress.ts hides more until that search pins nothing.
 */
import { suppressTables, type Attack, type CountTable, type ShownTable } from '../statistics/suppress.js';
import { exactAttack } from '../statistics/exact.js';

export interface City {
  id: string;
  country: string;
}

/** One figure's counts: a row of counts per city, in `cols` order; cities without a row count 0. */
export interface HubCounts {
  id: string;
  cols: readonly string[];
  cells: ReadonlyMap<string, readonly number[]>;
}

/** One figure as published: by city (rows: city ids), by country (rows: country codes), the hub's totals in byCountry's margins. */
export interface HubShown {
  id: string;
  byMunicipality: ShownTable;
  byCountry: ShownTable;
}

const add = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Suppresses figures that share their totals (`group`: the figures of one kind of record, whose cities',
 * countries' and hub's totals are the same counts) across cities, countries and the hub at once. Beyond
 * suppress.ts's own attacks, `attack` (the exact search of exact.ts; tests pass none to show what it
 * catches) must find nothing pinned either.
 */
export function suppressHierarchy(
  group: string,
  figures: readonly HubCounts[],
  cities: readonly City[],
  { attack = exactAttack }: { attack?: Attack | null } = {},
): HubShown[] {
  const countries = [...new Set(cities.map((c) => c.country))].sort();
  const inCountry = new Map(countries.map((k) => [k, cities.filter((c) => c.country === k).map((c) => c.id)]));
  const tables: CountTable[] = [];
  for (const f of figures) {
    const row = (city: string) => {
      const r = f.cells.get(city) ?? f.cols.map(() => 0);
      if (r.length !== f.cols.length) throw new Error(`hub: ${f.id} has a row of the wrong width`);
      return r;
    };
    for (const k of countries) {
      tables.push({
        id: `${f.id}@${k}`,
        rows: inCountry.get(k)!,
        cols: f.cols,
        cells: inCountry.get(k)!.map(row),
        rowTotalsKey: `${group}:city`,
        colTotalsKey: `${f.id}|${k}`,
        grandKey: `${group}:country|${k}`,
      });
    }
    tables.push({
      id: f.id,
      rows: countries,
      cols: f.cols,
      cells: countries.map((k) => f.cols.map((_, c) => add(inCountry.get(k)!.map((city) => row(city)[c]!)))),
      rowTotalsKey: `${group}:country`,
      grandKey: `${group}:hub`,
    });
  }
  const shown = suppressTables(tables, attack ? { attack } : {});
  const per = countries.length + 1;
  return figures.map((f, i) => {
    const parts = shown.slice(i * per, i * per + countries.length);
    const byCountry = shown[i * per + countries.length]!;
    const byMunicipality: ShownTable = {
      id: f.id,
      rows: parts.flatMap((p) => p.rows),
      cols: [...f.cols],
      cells: parts.flatMap((p) => p.cells),
      rowTotals: parts.flatMap((p) => p.rowTotals),
      colTotals: byCountry.colTotals,
      total: byCountry.total,
      ...(byCountry.withheld ? { withheld: true as const } : {}),
    };
    return { id: f.id, byMunicipality, byCountry };
  });
}
