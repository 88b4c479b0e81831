/**
 * The exact attack on a system of published sums (issue 16): a suppressed value is pinned when every
 * filling of the suppressed values in whole numbers that agrees with everything published gives it one
 * value. A "<5" is 1–4 and a "*" is 0 or ≥ 5: bound propagation and linear algebra (statistics/attack.ts)
 * lose that gap across linked sums. A city of two "<5" cells has a "*" total of 2 to 8, so 5 to 8; its
 * neighbour's "*" cells under a shown total of 13 are 0, 5–8 or 13 (never 9–12), and together with the
 * country's and the hub's totals the first city's total can only be 5, which the shown totals then give away.
 *
 * For each suppressed value a search (propagation of bounds with the gap, then branching, values as near
 * the true ones as allowed first) looks for a filling in which it differs from its true value; each filling
 * found frees every value it moves. A value is pinned when no filling moves it, or when its search runs
 * out of budget (suppression then hides more: safe, at worst more than needed).
 *
 * Protection interval: the search only takes fillings in which NO value is more than SPAN from its true
 * value, as if the attacker knew every value to within 5 (the size of the gap). A value is thus safe only
 * if small changes can hide it, not just a filling with implausible counts; it is conservative (whatever
 * is free for that attacker is free for one who knows less) and keeps each search small.
 */
import { HIDDEN_MARK, MAX_SMALL, SHOWN, type Published } from './attack.js';

/** How far from its true value the attacker is assumed to know each value (see the module's comment). */
const SPAN = MAX_SMALL + 1;
/** Search nodes allowed for one value (both sides of it), and for one whole attack (a hub of 40 cities used ~1,500). */
const NODES_PER_VALUE = 4000;
const NODES_IN_ALL = 100_000;

/** Σ coefs·vars = rhs, over the suppressed values (indices into the attack's unknowns). */
interface Equation {
  vars: Int32Array;
  coefs: Int32Array;
  rhs: number;
}

class Budget {
  constructor(public left: number) {}
}

/** The suppressed values (ids) that every consistent filling gives one value. */
export function exactAttack(p: Published, marks: Uint8Array): number[] {
  const ids: number[] = [];
  const index = new Int32Array(p.values.length).fill(-1);
  for (let id = 0; id < p.values.length; id++)
    if (marks[id] !== SHOWN) {
      index[id] = ids.length;
      ids.push(id);
    }
  if (ids.length === 0) return [];
  const truth = ids.map((id) => p.values[id]!);
  const gap = Uint8Array.from(ids, (id) => (marks[id] === HIDDEN_MARK ? 1 : 0));
  const equations = equationsOf(p, index);
  const uses: number[][] = ids.map(() => []);
  equations.forEach((e, k) => {
    for (const v of e.vars) uses[v]!.push(k);
  });
  const solver = new Solver(equations, uses, gap, truth);
  // What the marks say (1–4, or 0 or ≥ 5), within SPAN of the truth; the true values fit, so nothing is empty.
  const lo = Float64Array.from(truth, (t, i) => Math.max(gap[i] ? 0 : 1, t - SPAN));
  const hi = Float64Array.from(truth, (t, i) => (gap[i] ? t + SPAN : Math.min(MAX_SMALL, t + SPAN)));
  const ready = truth.every((_, i) => solver.narrow(lo, hi, i, lo[i]!, hi[i]!));
  if (!ready || !solver.propagate(lo, hi, equations.keys(), new Budget(Number.POSITIVE_INFINITY)))
    throw new Error('exact attack: the published sums disagree with the true values');
  const free = new Uint8Array(ids.length);
  const total = new Budget(NODES_IN_ALL);
  for (let i = 0; i < ids.length; i++) {
    if (free[i] || lo[i] === hi[i]) continue;
    const budget = new Budget(Math.min(NODES_PER_VALUE, total.left));
    const spent = budget.left;
    for (const [l, h] of [
      [lo[i]!, truth[i]! - 1],
      [truth[i]! + 1, hi[i]!],
    ] as const) {
      if (l > h || budget.left <= 0) continue;
      const found = solver.solveWith(lo, hi, i, l, h, budget);
      if (!found) continue;
      found.forEach((v, j) => {
        if (v !== truth[j]) free[j] = 1;
      });
      break;
    }
    total.left -= spent - Math.max(0, budget.left);
  }
  return ids.filter((_, i) => !free[i]);
}

/** Each published sum over the suppressed values only: Σ parts − total = −(the shown values' share). */
function equationsOf(p: Published, index: Int32Array): Equation[] {
  const equations: Equation[] = [];
  for (const members of p.sums) {
    const coef = new Map<number, number>();
    let rhs = 0;
    members.forEach((id, k) => {
      const c = k === members.length - 1 ? -1 : 1;
      const v = index[id]!;
      if (v < 0) rhs -= c * p.values[id]!;
      else coef.set(v, (coef.get(v) ?? 0) + c);
    });
    const terms = [...coef].filter(([, c]) => c !== 0);
    if (terms.length === 0) continue;
    equations.push({ vars: Int32Array.from(terms, ([v]) => v), coefs: Int32Array.from(terms, ([, c]) => c), rhs });
  }
  return equations;
}

/** Bounds propagation and a depth-first search over the suppressed values' domains [lo, hi]. */
class Solver {
  private readonly queued: Uint8Array;

  constructor(
    private readonly equations: readonly Equation[],
    private readonly uses: readonly (readonly number[])[],
    private readonly gap: Uint8Array,
    private readonly truth: readonly number[],
  ) {
    this.queued = new Uint8Array(equations.length);
  }

  /** A filling with value i in [l, h] and every other value in its bounds, or null (none, or out of budget). */
  solveWith(lo: Float64Array, hi: Float64Array, i: number, l: number, h: number, budget: Budget): number[] | null {
    const nlo = lo.slice();
    const nhi = hi.slice();
    if (!this.narrow(nlo, nhi, i, l, h) || !this.propagate(nlo, nhi, this.uses[i]!, budget)) return null;
    return this.search(nlo, nhi, budget);
  }

  /**
   * Every open value at its allowed value nearest the truth is a filling unless it breaks a sum; then one
   * of that sum's open values (the one with the fewest choices) is tried at that value, above it, below it.
   */
  private search(lo: Float64Array, hi: Float64Array, budget: Budget): number[] | null {
    if (--budget.left < 0) return null;
    const near = Array.from(lo, (l, j) => this.nearest(l, hi[j]!, j));
    const broken = this.equations.find((e) => e.vars.reduce((s, v, t) => s + e.coefs[t]! * near[v]!, 0) !== e.rhs);
    if (!broken) return near;
    let pick = -1;
    for (const j of broken.vars) if (lo[j] !== hi[j] && (pick < 0 || hi[j]! - lo[j]! < hi[pick]! - lo[pick]!)) pick = j;
    // After propagation a broken sum has an open value; if not, this branch holds no filling.
    if (pick < 0) return null;
    const v = near[pick]!;
    for (const [l, h] of [
      [v, v],
      [v + 1, hi[pick]!],
      [lo[pick]!, v - 1],
    ] as const) {
      if (l > h) continue;
      const nlo = lo.slice();
      const nhi = hi.slice();
      if (!this.narrow(nlo, nhi, pick, l, h) || !this.propagate(nlo, nhi, this.uses[pick]!, budget)) continue;
      const found = this.search(nlo, nhi, budget);
      if (found || budget.left < 0) return found;
    }
    return null;
  }

  /** Value j's allowed value in [l, h] closest to its true value (a hidden value is never 1–4). */
  private nearest(l: number, h: number, j: number): number {
    const v = Math.min(h, Math.max(l, this.truth[j]!));
    if (!this.gap[j] || v < 1 || v > MAX_SMALL) return v;
    // Inside the gap: l is 0 and h ≥ 5 (narrow moved any bound out of it).
    return v <= (MAX_SMALL + 1) / 2 ? 0 : MAX_SMALL + 1;
  }

  /** Narrows value j to [l, h] (moving a hidden value's bounds out of 1–4); false when nothing is left. */
  narrow(lo: Float64Array, hi: Float64Array, j: number, l: number, h: number): boolean {
    let nl = Math.max(lo[j]!, Math.ceil(l));
    let nh = Math.min(hi[j]!, Math.floor(h));
    if (this.gap[j]) {
      if (nl >= 1 && nl <= MAX_SMALL) nl = MAX_SMALL + 1;
      if (nh >= 1 && nh <= MAX_SMALL) nh = 0;
    }
    if (nl > nh) return false;
    lo[j] = nl;
    hi[j] = nh;
    return true;
  }

  /** Tightens bounds sum by sum until nothing moves; false when some value has none left (or the budget ran out). */
  propagate(lo: Float64Array, hi: Float64Array, start: Iterable<number>, budget: Budget): boolean {
    const queue = [...start];
    for (const k of queue) this.queued[k] = 1;
    let ok = true;
    while (queue.length && ok) {
      const k = queue.pop()!;
      this.queued[k] = 0;
      // Bounds can creep by one at a time between linked sums: each step costs a little budget.
      budget.left -= 0.01;
      ok = budget.left >= 0 && this.tighten(lo, hi, this.equations[k]!, queue);
    }
    for (const k of queue) this.queued[k] = 0;
    return ok;
  }

  /** c·x = rhs − Σ others, where Σ others lies between its members' lows and highs. */
  private tighten(lo: Float64Array, hi: Float64Array, e: Equation, queue: number[]): boolean {
    let min = 0;
    let max = 0;
    for (let t = 0; t < e.vars.length; t++) {
      const c = e.coefs[t]!;
      min += c * (c > 0 ? lo : hi)[e.vars[t]!]!;
      max += c * (c > 0 ? hi : lo)[e.vars[t]!]!;
    }
    for (let t = 0; t < e.vars.length; t++) {
      const c = e.coefs[t]!;
      const v = e.vars[t]!;
      // min and max were taken before this loop narrowed anything: looser, still true.
      const othersMin = min - c * (c > 0 ? lo : hi)[v]!;
      const othersMax = max - c * (c > 0 ? hi : lo)[v]!;
      const [a, b] = c > 0 ? [e.rhs - othersMax, e.rhs - othersMin] : [e.rhs - othersMin, e.rhs - othersMax];
      const [was, wasHi] = [lo[v], hi[v]];
      if (!this.narrow(lo, hi, v, a / c, b / c)) return false;
      if (lo[v] === was && hi[v] === wasHi) continue;
      for (const k of this.uses[v]!)
        if (!this.queued[k]) {
          this.queued[k] = 1;
          queue.push(k);
        }
    }
    return true;
  }
}
