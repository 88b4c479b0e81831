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
 *   that gave the value away. The attacks (attack.ts) are exact linear algebra over every sum and
 *   bound propagation (a "<5" is 1–4, a "*" is 0 or ≥ 5, no count is negative).
 */
import { HIDDEN_MARK, MAX_SMALL, SHOWN, SMALL_MARK, boundsAttack, linearAttack, type Published } from './attack.js';

/** A further attack, run only when the built-in ones pin nothing (the hub adds an exact search: hub/exact.ts). */
export type Attack = (p: Published, marks: Uint8Array) => number[];

export { MAX_SMALL };
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
  /** Too few records to publish: even with every small count suppressed, one could be worked out, so every value is hidden. */
  withheld?: true;
}

/** The published values of linked tables, by id; a shared total is one id. */
class System implements Published {
  readonly values: number[] = [];
  readonly sums: Int32Array[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string, value: number): number {
    const had = this.ids.get(name);
    if (had === undefined) {
      this.ids.set(name, this.values.length);
      this.values.push(value);
      return this.values.length - 1;
    }
    if (this.values[had] !== value)
      throw new Error(`suppress: shared total ${name} is ${this.values[had]} in one table and ${value} in another`);
    return had;
  }

  /** total = Σ parts. */
  sum(parts: number[], total: number) {
    this.sums.push(Int32Array.from([...parts, total]));
  }
}

const add = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Each table's ids: cells, row totals, column totals, grand total. */
interface Laid {
  cells: number[][];
  rows: number[];
  cols: number[];
  total: number;
}

function lay(s: System, t: CountTable): Laid {
  if (t.cells.length !== t.rows.length || t.cells.some((row) => row.length !== t.cols.length))
    throw new Error(`suppress: ${t.id} is not rows × cols`);
  for (const row of t.cells)
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new Error(`suppress: ${t.id} has a count that is not a whole number ≥ 0`);
  const rowKey = t.rowTotalsKey ?? `${t.id}#rows`;
  const colKey = t.colTotalsKey ?? `${t.id}#cols`;
  const grandKey = t.grandKey ?? (t.rowTotalsKey || t.colTotalsKey ? 'grand' : `${t.id}#grand`);
  const cells = t.cells.map((row, r) => row.map((v, c) => s.id(`${t.id}|${t.rows[r]}|${t.cols[c]}`, v)));
  const rows = t.rows.map((key, r) => s.id(`${rowKey}|${key}`, add(t.cells[r]!)));
  const cols = t.cols.map((key, c) => s.id(`${colKey}|${key}`, add(t.cells.map((row) => row[c]!))));
  const total = s.id(grandKey, add(t.cells.map(add)));
  for (const [r, id] of rows.entries()) s.sum(cells[r]!, id);
  for (const [c, id] of cols.entries())
    s.sum(
      cells.map((row) => row[c]!),
      id,
    );
  s.sum(rows, total);
  s.sum(cols, total);
  return { cells, rows, cols, total };
}

/**
 * The value to hide next, among the sums that hold an exposed value: the smallest positive shown one
 * (cells before totals, so the margins stay readable); a zero only if `zeros`, when no positive is left.
 */
function complement(s: System, sums: readonly Int32Array[], marks: Uint8Array, zeros: boolean): number | null {
  let best: { id: number; rank: number } | null = null;
  for (const members of sums) {
    members.forEach((id, i) => {
      const v = s.values[id]!;
      if (marks[id] !== SHOWN || (v === 0 && !zeros)) return;
      // The last member of a sum is its total.
      const rank = (v === 0 ? 1e12 : v) * 2 + (i === members.length - 1 ? 1 : 0);
      if (!best || rank < best.rank || (rank === best.rank && id < best.id)) best = { id, rank };
    });
  }
  return (best as { id: number } | null)?.id ?? null;
}

/** What an attacker pins down now: the cheap rule (a sum with one value not shown), else bounds, else linear algebra, else `extra`. */
function exposedNow(s: System, marks: Uint8Array, extra?: Attack): number[] {
  const single = new Set<number>();
  for (const members of s.sums) {
    let count = 0;
    let last = -1;
    for (const id of members) {
      if (marks[id] === SHOWN) continue;
      count++;
      last = id;
    }
    if (count === 1) single.add(last);
  }
  if (single.size) return [...single];
  const bounded = boundsAttack(s, marks);
  if (bounded.length) return bounded;
  const linear = linearAttack(s, marks);
  return linear.length || !extra ? linear : extra(s, marks);
}

/**
 * Suppresses linked tables together (see the module's comment). Tables sharing a margin must agree on it.
 * `attack`, if given, is run after the built-in attacks find nothing, and what it pins is protected too.
 */
export function suppressTables(tables: readonly CountTable[], options: { attack?: Attack } = {}): ShownTable[] {
  const s = new System();
  const laid = tables.map((t) => lay(s, t));
  const marks = Uint8Array.from(s.values, (v) => (v >= 1 && v <= MAX_SMALL ? SMALL_MARK : SHOWN));
  const sumsOf = new Map<number, Int32Array[]>();
  for (const members of s.sums) for (const id of members) sumsOf.set(id, [...(sumsOf.get(id) ?? []), members]);
  // Each round hides at least one more value, so this ends (at worst with every value hidden). Each
  // exposed value gets a complement at once; positive values first, since a hidden zero beside small
  // counts is soon pinned again: a zero only when no positive is left, and then one at a time.
  let exposed = exposedNow(s, marks, options.attack);
  for (let guard = 0; guard <= s.values.length && exposed.length > 0; guard++, exposed = exposedNow(s, marks, options.attack)) {
    let hid = false;
    for (const id of exposed) {
      const next = complement(s, sumsOf.get(id) ?? [], marks, false);
      if (next === null) continue;
      marks[next] = HIDDEN_MARK;
      hid = true;
    }
    if (hid) continue;
    const zero = exposed.map((id) => complement(s, sumsOf.get(id) ?? [], marks, true)).find((id) => id !== null);
    if (zero === undefined || zero === null) break;
    marks[zero] = HIDDEN_MARK;
  }
  // Nothing left to hide and a value still pinned (four 1s under a total below 5 are each 1): publish none of it.
  const withheld = exposed.length > 0;
  if (withheld) marks.fill(HIDDEN_MARK);
  const shown = (id: number): Shown => (marks[id] === SMALL_MARK ? SMALL : marks[id] === HIDDEN_MARK ? HIDDEN : s.values[id]!);
  return tables.map((t, i) => {
    const l = laid[i]!;
    return {
      id: t.id,
      rows: [...t.rows],
      cols: [...t.cols],
      cells: l.cells.map((row) => row.map(shown)),
      rowTotals: l.rows.map(shown),
      colTotals: l.cols.map(shown),
      total: shown(l.total),
      ...(withheld ? { withheld: true as const } : {}),
    };
  });
}

/** One table on its own. */
export function suppressTable(table: CountTable): ShownTable {
  return suppressTables([table])[0]!;
}

/** Whether a shown value is a count (not suppressed). */
export const isCount = (v: Shown): v is number => typeof v === 'number';
