/**
 * Small-cell suppression for published tables of counts (DESIGN: "statistics shown outside a case are
 * pseudonymised and small cells (< 5) suppressed"). Pure: no database, no clock; the hub's figures
 * reuse it.
 *
 * A table is cells with its row totals, column totals and grand total. Tables may share margins (the
 * referrals by cohort, by source and by urgency all have the same month totals): give them the same
 * margin key and the shared totals become one value, suppressed everywhere or nowhere, and the attack
 * below reads all the tables at once.
 *
 * - Primary: every count from 1 to MAX_SMALL is shown as SMALL ("<5"). Zeros are shown.
 * - Secondary: while an attacker could still work a suppressed value out of what is shown, another
 *   value is hidden (HIDDEN, "*": it may be 0 or any count ≥ 5) — the smallest positive one in a sum
 *   that gave the value away. The attack (`recovered`) is exact linear algebra over every sum plus
 *   bound propagation (a "<5" is 1–4, a "*" is 0 or ≥ 5, no count is negative).
 */
import { determined, type Equation } from './linear.js';

/** The largest count that is never shown. */
export const MAX_SMALL = 4;
/** A count from 1 to MAX_SMALL. */
export const SMALL = '<5';
/** A count hidden so that a small one cannot be worked out from the totals. */
export const HIDDEN = '*';
export type Shown = number | typeof SMALL | typeof HIDDEN;

/** A table of counts before suppression. Rows and columns are keys (a month, a cohort, an agency's id). */
export interface CountTable {
  id: string;
  rows: readonly string[];
  cols: readonly string[];
  /** cells[r][c]: whole counts ≥ 0. */
  cells: readonly (readonly number[])[];
  /** Tables with the same key share their row totals (the same rows must add up to the same totals). */
  rowTotalsKey?: string;
  /** Likewise for column totals. */
  colTotalsKey?: string;
  /** Likewise for the grand total (defaults to a key shared with any table sharing a margin). */
  grandKey?: string;
}

/** A table as it may be shown or exported. */
export interface ShownTable {
  id: string;
  rows: string[];
  cols: string[];
  cells: Shown[][];
  rowTotals: Shown[];
  colTotals: Shown[];
  total: Shown;
}

type State = 'shown' | 'small' | 'hidden';

/** The published values as one system: named values and the sums that bind them. */
class System {
  readonly values = new Map<string, number>();
  readonly equations: Equation[] = [];

  add(name: string, value: number) {
    const had = this.values.get(name);
    if (had !== undefined && had !== value)
      throw new Error(`suppress: shared total ${name} is ${had} in one table and ${value} in another`);
    this.values.set(name, value);
  }
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const cellName = (t: CountTable, r: number, c: number) => `${t.id}|${t.rows[r]}|${t.cols[c]}`;
const rowName = (t: CountTable, r: number) => `${t.rowTotalsKey ?? `${t.id}#rows`}|${t.rows[r]}`;
const colName = (t: CountTable, c: number) => `${t.colTotalsKey ?? `${t.id}#cols`}|${t.cols[c]}`;
const grandName = (t: CountTable) => t.grandKey ?? (t.rowTotalsKey || t.colTotalsKey ? 'grand' : `${t.id}#grand`);

function systemOf(tables: readonly CountTable[]): System {
  const s = new System();
  for (const t of tables) {
    if (t.cells.length !== t.rows.length || t.cells.some((row) => row.length !== t.cols.length))
      throw new Error(`suppress: ${t.id} is not rows × cols`);
    for (const row of t.cells)
      for (const v of row)
        if (!Number.isInteger(v) || v < 0) throw new Error(`suppress: ${t.id} has a count that is not a whole number ≥ 0`);
    t.rows.forEach((_, r) => {
      for (let c = 0; c < t.cols.length; c++) s.add(cellName(t, r, c), t.cells[r]![c]!);
      s.add(rowName(t, r), sum(t.cells[r]!));
      s.equations.push({ total: rowName(t, r), parts: t.cols.map((_, c) => cellName(t, r, c)) });
    });
    t.cols.forEach((_, c) => {
      s.add(colName(t, c), sum(t.cells.map((row) => row[c]!)));
      s.equations.push({ total: colName(t, c), parts: t.rows.map((_, r) => cellName(t, r, c)) });
    });
    s.add(grandName(t), sum(t.cells.map(sum)));
    s.equations.push({ total: grandName(t), parts: t.rows.map((_, r) => rowName(t, r)) });
    s.equations.push({ total: grandName(t), parts: t.cols.map((_, c) => colName(t, c)) });
  }
  return s;
}

/**
 * The suppressed values an attacker can pin down from what is shown: by the sums alone (linear
 * algebra), or by the sums with what each mark says (a "<5" is 1–4, a "*" is 0 or ≥ 5, nothing is
 * negative). Exported for tests, which play the attacker with it and by hand.
 */
export function recovered(
  values: ReadonlyMap<string, number>,
  equations: readonly Equation[],
  states: ReadonlyMap<string, State>,
): Set<string> {
  const unknown = (n: string) => states.get(n) !== 'shown';
  const found = determined(equations, unknown);
  // Bounds: start from what the marks say, tighten by each sum until nothing moves.
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  for (const [n, st] of states) {
    if (st === 'shown') continue;
    lo.set(n, st === 'small' ? 1 : 0);
    hi.set(n, st === 'small' ? MAX_SMALL : Number.POSITIVE_INFINITY);
  }
  const low = (n: string) => (unknown(n) ? lo.get(n)! : values.get(n)!);
  const high = (n: string) => (unknown(n) ? hi.get(n)! : values.get(n)!);
  const tighten = (n: string, l: number, h: number) => {
    let nl = Math.max(lo.get(n)!, Math.ceil(l));
    let nh = Math.min(hi.get(n)!, Math.floor(h));
    // A hidden value is never 1–4 (those are shown as "<5").
    if (states.get(n) === 'hidden') {
      if (nl >= 1 && nl <= MAX_SMALL) nl = MAX_SMALL + 1;
      if (nh >= 1 && nh <= MAX_SMALL) nh = 0;
    }
    const moved = nl !== lo.get(n) || nh !== hi.get(n);
    lo.set(n, nl);
    hi.set(n, nh);
    return moved;
  };
  for (let round = 0, moved = true; moved && round < 200; round++) {
    moved = false;
    for (const { total, parts } of equations) {
      // total = Σ parts: each part lies between total − Σ others' highs and total − Σ others' lows.
      if (unknown(total)) moved = tighten(total, sum(parts.map(low)), sum(parts.map(high))) || moved;
      parts.forEach((p, i) => {
        if (!unknown(p)) return;
        const others = parts.filter((_, j) => j !== i);
        moved = tighten(p, low(total) - sum(others.map(high)), high(total) - sum(others.map(low))) || moved;
      });
    }
  }
  for (const [n] of states) if (unknown(n) && lo.get(n) === hi.get(n)) found.add(n);
  return found;
}

/** Suppresses linked tables together (see the module's comment). Tables sharing a margin must agree on it. */
export function suppressTables(tables: readonly CountTable[]): ShownTable[] {
  const s = systemOf(tables);
  const states = new Map<string, State>();
  for (const [n, v] of s.values) states.set(n, v >= 1 && v <= MAX_SMALL ? 'small' : 'shown');
  // Each round hides one more value, so this ends (at worst with every value hidden).
  for (let guard = 0; guard <= s.values.size; guard++) {
    const exposed = recovered(s.values, s.equations, states);
    if (exposed.size === 0) break;
    const next = complement(s, states, exposed);
    if (!next) break;
    states.set(next, 'hidden');
  }
  const shown = (n: string): Shown => {
    const st = states.get(n);
    return st === 'small' ? SMALL : st === 'hidden' ? HIDDEN : s.values.get(n)!;
  };
  return tables.map((t) => ({
    id: t.id,
    rows: [...t.rows],
    cols: [...t.cols],
    cells: t.rows.map((_, r) => t.cols.map((_, c) => shown(cellName(t, r, c)))),
    rowTotals: t.rows.map((_, r) => shown(rowName(t, r))),
    colTotals: t.cols.map((_, c) => shown(colName(t, c))),
    total: shown(grandName(t)),
  }));
}

/** One table on its own. */
export function suppressTable(table: CountTable): ShownTable {
  return suppressTables([table])[0]!;
}

/**
 * The value to hide next: in a sum that holds an exposed value, the smallest positive shown value
 * (cells before totals, so the margins stay readable); a shown zero only when the sum has no other.
 */
function complement(s: System, states: ReadonlyMap<string, State>, exposed: ReadonlySet<string>): string | null {
  let best: { name: string; rank: number } | null = null;
  for (const { total, parts } of s.equations) {
    const members = [...parts, total];
    if (!members.some((m) => exposed.has(m))) continue;
    for (const m of members) {
      if (states.get(m) !== 'shown') continue;
      const v = s.values.get(m)!;
      const rank = (v === 0 ? 1e12 : v) * 2 + (m === total ? 1 : 0);
      if (!best || rank < best.rank || (rank === best.rank && m < best.name)) best = { name: m, rank };
    }
  }
  return best?.name ?? null;
}

/** Whether a shown value is a count (not suppressed). */
export const isCount = (v: Shown): v is number => typeof v === 'number';
