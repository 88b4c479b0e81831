import { determined } from './linear.js';

/** How a value is published: as itself, as "<5" (1–4), or hidden ("*": 0 or ≥ 5). */
export const SHOWN = 0;
export const SMALL_MARK = 1;
export const HIDDEN_MARK = 2;
export type Mark = typeof SHOWN | typeof SMALL_MARK | typeof HIDDEN_MARK;

/** The published values as ids: their true values and the sums that bind them (each sum's last id is its total). */
export interface Published {
  values: readonly number[];
  sums: readonly Int32Array[];
}

const INF = Number.POSITIVE_INFINITY;
/** The largest count shown as "<5". */
export const MAX_SMALL = 4;

/** Suppressed values the sums alone fix (linear algebra). */
export function linearAttack(p: Published, marks: Uint8Array): number[] {
  return determined(p.sums, (id) => marks[id] !== SHOWN);
}

/**
 * Suppressed values pinned by the sums with what each mark says (a "<5" is 1–4, a "*" is 0 or ≥ 5,
 * nothing is negative): bounds tightened sum by sum until nothing moves; a value whose bounds meet is found.
 */
export function boundsAttack(p: Published, marks: Uint8Array): number[] {
  const n = p.values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (marks[i] === SHOWN) lo[i] = hi[i] = p.values[i]!;
    else [lo[i], hi[i]] = marks[i] === SMALL_MARK ? [1, MAX_SMALL] : [0, INF];
  }
  const tighten = (id: number, l: number, h: number) => {
    let nl = Math.max(lo[id]!, Math.ceil(l));
    let nh = Math.min(hi[id]!, Math.floor(h));
    // A hidden value is never 1–4 (those are shown as "<5").
    if (marks[id] === HIDDEN_MARK) {
      if (nl >= 1 && nl <= MAX_SMALL) nl = MAX_SMALL + 1;
      if (nh >= 1 && nh <= MAX_SMALL) nh = 0;
    }
    const moved = nl !== lo[id] || nh !== hi[id];
    lo[id] = nl;
    hi[id] = nh;
    return moved;
  };
  for (let round = 0, moved = true; moved && round < 200; round++) {
    moved = false;
    for (const members of p.sums) {
      // total = Σ parts: each part lies between total − Σ others' highs and total − Σ others' lows. The
      // sums are taken once per equation (a bound tightened meanwhile only leaves them looser, still true).
      const last = members.length - 1;
      const total = members[last]!;
      let sumLo = 0;
      let finiteHi = 0;
      let infinite = 0;
      for (let k = 0; k < last; k++) {
        const id = members[k]!;
        sumLo += lo[id]!;
        if (hi[id] === INF) infinite++;
        else finiteHi += hi[id]!;
      }
      if (marks[total] !== SHOWN) moved = tighten(total, sumLo, infinite ? INF : finiteHi) || moved;
      const tLo = lo[total]!;
      const tHi = hi[total]!;
      for (let k = 0; k < last; k++) {
        const id = members[k]!;
        if (marks[id] === SHOWN) continue;
        const own = hi[id] === INF;
        const othersHi = infinite - (own ? 1 : 0) > 0 ? INF : finiteHi - (own ? 0 : hi[id]!);
        moved = tighten(id, tLo - othersHi, tHi - (sumLo - lo[id]!)) || moved;
      }
    }
  }
  const found: number[] = [];
  for (let i = 0; i < n; i++) if (marks[i] !== SHOWN && lo[i] === hi[i]) found.push(i);
  return found;
}
