import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import type { CpuPerRequest, CpuProbe } from './cpu.js';

/** `n` rounded to `d` decimals, for reports. */
export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** One measured run: latency percentiles in ms, throughput in requests per second, failures. */
export interface Run {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

/** The median of several rounds, each figure taken separately. */
export interface Figure extends Run {
  rounds: number;
  /** CPU per request in ms (answered or failed), by side (median over the rounds), when the run was probed. */
  cpu?: CpuPerRequest;
}

export interface Plan {
  /** Concurrent connections (or in-process workers). */
  connections: number;
  /** Seconds per round; or, when `amount` is set, requests per round. */
  seconds: number;
  amount?: number;
  warmupSeconds: number;
  warmupAmount?: number;
  rounds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function summarise(latencies: number[], seconds: number, errors: number): Run {
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: sorted.length / seconds, requests: sorted.length, errors };
}

export type Request = { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

/** One autocannon run against `base`, cycling through `requests`; latencies of 2xx answers only. */
export async function httpRun(
  base: string,
  requests: Request[],
  connections: number,
  seconds: number,
  amount?: number,
  until?: Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: base,
    connections,
    ...(amount ? { amount: Math.max(amount, connections) } : { duration: seconds }),
    requests: requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body })),
    timeout: 30,
    // autocannon ends a run on its next sample tick: at the default 1 s, a short run idles up to a second.
    sampleInt: 100,
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else errors += 1;
  });
  // With `until`, the run lasts as long as that work does (e.g. a burst of sign-ins).
  void until?.finally(() => (instance as unknown as { stop(): void }).stop());
  const result = await instance;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return summarise(latencies, elapsed, errors + result.errors + result.timeouts);
}

/** The same shape for work done in this process (L0: SQL through pg): `connections` workers in a loop. */
export async function loopRun(work: () => Promise<unknown>, connections: number, seconds: number, amount?: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  let remaining = amount ?? Infinity;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (amount !== undefined ? remaining-- > 0 : Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        try {
          await work();
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return summarise(latencies, elapsed, errors);
}

/** Warm-up, then `rounds` rounds; each figure is the median over the rounds (CPU too, with a probe). */
export async function measure(plan: Plan, run: (seconds: number, amount?: number) => Promise<Run>, probe?: CpuProbe): Promise<Figure> {
  await run(plan.warmupSeconds, plan.warmupAmount);
  const runs: Run[] = [];
  const cpus: CpuPerRequest[] = [];
  for (let i = 0; i < plan.rounds; i++) {
    const stop = probe?.start();
    const r = await run(plan.seconds, plan.amount);
    runs.push(r);
    if (stop) cpus.push(stop(r.requests + r.errors));
  }
  const side = (pick: (c: CpuPerRequest) => number | null) => {
    const xs = cpus.map(pick);
    return xs.every((x): x is number => x !== null) ? median(xs) : null;
  };
  return {
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rps: median(runs.map((r) => r.rps)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    rounds: plan.rounds,
    ...(cpus.length
      ? { cpu: { generator: median(cpus.map((c) => c.generator)), server: side((c) => c.server), postgres: side((c) => c.postgres) } }
      : {}),
  };
}
