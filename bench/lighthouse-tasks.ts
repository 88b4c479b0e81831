/**
 * `npx tsx bench/lighthouse-tasks.ts [--runs 5] [--web web/dist] [--pages case,home,sign-in] [--cpu] [--trace]
 * [--profile] [--lighthouse]`: the
 * main-thread work behind Lighthouse's total blocking time, measured directly and more steadily than
 * the score. Each page is opened in Arabic in a phone-sized Chromium with its CPU slowed 4× (as
 * Lighthouse's mobile defaults assume), on the quick scale data in a database of its own (as
 * bench/lighthouse-run.ts), served from `--web` (a build of one's own: `npx vite build --config
 * web/vite.config.ts --outDir /tmp/x`, so two builds compare on the same machine in the same minutes).
 * Per page: first contentful paint, when the page's first screen shows (a case's summary), the long
 * tasks (> 50 ms) and their blocking time (what each takes past 50 ms) before that and in all, medians
 * over the runs. `--cpu` counts each task's main-thread CPU time × 4 on an unthrottled page instead (as
 * Lighthouse's simulation does, and steady on a busy machine); `--trace` prints what each long task did;
 * `--lighthouse` scores the pages with Lighthouse itself on this build instead. `--profile` also prints
 * the functions that took the most time in each long task (with `--trace`) or in the whole load.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { scaleAccounts, SCALE_PASSWORD } from '../src/seed/scale/seed.js';
import { buildApp } from '../src/app.js';
import { createDb } from '../src/db.js';
import { systemClock } from '../src/lib/clock.js';
import { launchChromium } from '../tests/e2e/chromium.js';
import { openBenchDatabase, QUICK } from './db.js';
import { BENCH_CONFIG, BENCH_ORIGIN, signIn } from './client.js';
import { median } from './measure.js';
import { measureLighthouse } from './lighthouse.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    web: { type: 'string', default: 'web/dist' },
    pages: { type: 'string', default: 'case' },
    data: { type: 'string', default: '/tmp/jisr-lighthouse-tasks' },
    profile: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
  },
});

/** What each page's first screen is: the element whose appearance ends it. */
const FIRST_SCREEN: Record<string, string> = {
  'sign-in': '[data-testid=sign-in-form]',
  home: '[data-testid=home-title]',
  case: '[data-testid=summary-section]',
};

/** Runs in the page before its scripts: records long tasks, paints and when the first screen shows. */
const probe = (selector: string) => `
  window.__probe = { tasks: [], shown: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__probe.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, o) => {
    if (document.querySelector(${JSON.stringify(selector)})) { window.__probe.shown = performance.now(); performance.mark('jisr-shown'); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

interface Run {
  fcp: number;
  shown: number;
  /** Long tasks: when each began and ended, and the time it counts for (ms). */
  tasks: { start: number; end: number; ms: number }[];
}

const blocking = (tasks: Run['tasks']) => tasks.reduce((sum, t) => sum + Math.max(0, t.ms - 50), 0);
const early = (run: Run) => run.tasks.filter((t) => t.end <= run.shown);

interface Profile {
  startTime: number;
  nodes: {
    id: number;
    children?: number[];
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total time per function (name and place) in the profile, within `from`–`to` (µs, the trace's clock), heaviest first. */
function heaviest(profile: Profile, count: number, from = 0, to = Number.POSITIVE_INFINITY) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/assets\//, '')}:${f.lineNumber}:${f.columnNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(name(at));
    for (const key of seen) total.set(key, (total.get(key) ?? 0) + ms);
  });
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count);
  return { self: top(self), total: top(total) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string; type?: string; frame?: string } };
}

/** The renderer main thread's long tasks and, inside each, the events that took the most (what Lighthouse's main-thread breakdown reads). */
function breakdown(events: TraceEvent[], print: boolean): { tasks: TraceEvent[]; simulated: Run } {
  // The page's renderer: the main thread whose page marked its first screen (the navigation may leave
  // the first renderer), else the busiest.
  const mains = events.filter(
    (e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain',
  );
  const marked = events.find((e) => e.name === 'jisr-shown');
  const busy = (m: TraceEvent) =>
    events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask').reduce((sum, e) => sum + (e.dur ?? 0), 0);
  const main = mains.find((m) => m.pid === marked?.pid) ?? mains.sort((a, b) => busy(b) - busy(a))[0];
  const mine = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask' && (values.cpu ? e.tdur! * 4 : e.dur!) > 50_000);
  const t0 = Math.min(...mine.map((e) => e.ts));
  // Lighthouse's simulation: each task's time on an unthrottled CPU, times 4. Thread time (tdur) rather
  // than wall time: on a busy machine a task waits for a core without doing more work.
  const at = (name: string) => events.find((e) => e.name === name && e.pid === main?.pid)?.ts ?? 0;
  const simulated: Run = {
    fcp: (at('firstContentfulPaint') - t0) / 1000,
    shown: (at('jisr-shown') - t0) / 1000,
    tasks: mine
      .filter((e) => e.name === 'RunTask' && (e.tdur ?? 0) * 4 > 50_000)
      .map((e) => ({ start: (e.ts - t0) / 1000, end: (e.ts + e.dur! - t0) / 1000, ms: (e.tdur! * 4) / 1000 })),
  };
  for (const task of print ? tasks : []) {
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    const totals = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data;
      const what = `${e.name}${d?.url ? ` ${d.url.replace(/^.*\//, '')}` : ''}${d?.functionName ? ` ${d.functionName}` : ''}${d?.type ? ` ${d.type}` : ''}`;
      totals.set(what, (totals.get(what) ?? 0) + e.dur! / 1000);
    }
    const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `  task at ${((task.ts - t0) / 1000).toFixed(0)} ms, ${(task.dur! / 1000).toFixed(0)} ms: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ')}`,
    );
  }
  return { tasks, simulated };
}

async function measure(page: Page, url: string, selector: string): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  if (!values.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(probe(selector));
  if (values.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const browser = page.context().browser()!;
  if (values.trace || values.cpu)
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'],
    });
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  // The case page's later parts mount one per idle moment: wait until two quiet seconds have passed.
  await page.waitForFunction(
    () => {
      const p = (globalThis as unknown as { __probe: { tasks: [number, number][] } }).__probe;
      const last = p.tasks.reduce((end, [s, d]) => Math.max(end, s + d), 0);
      return performance.now() - last > 2000;
    },
    undefined,
    { timeout: 60_000, polling: 500 },
  );
  const got = await page.evaluate(() => {
    const p = (globalThis as unknown as { __probe: { tasks: [number, number][]; shown: number } }).__probe;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    return { fcp, shown: p.shown, tasks: p.tasks.map(([start, ms]) => ({ start, end: start + ms, ms })) };
  });
  const traced =
    values.trace || values.cpu ? breakdown(JSON.parse((await browser.stopTracing()).toString()).traceEvents, values.trace!) : null;
  const tasks = traced?.tasks ?? [];
  if (values.profile) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const show = (title: string, rows: [string, number][]) => {
      console.log(title);
      for (const [name, ms] of rows) console.log(`    ${ms.toFixed(1).padStart(7)}  ${name}`);
    };
    for (const task of tasks) {
      const { self, total } = heaviest(profile, 12, task.ts, task.ts + task.dur!);
      show(`  the task of ${(task.dur! / 1000).toFixed(0)} ms, self ms:`, self);
      show('  total ms:', total);
    }
    if (!tasks.length) {
      const { self, total } = heaviest(profile, 30);
      show('  heaviest functions (4× CPU, whole load), self ms:', self);
      show('  total ms (with what they call):', total);
    }
  }
  return values.cpu ? traced!.simulated : got;
}

const log = (l: string) => console.log(l);
const database = await openBenchDatabase(QUICK, { dataDir: values.data!, log });
const { db, pool } = createDb({ url: database.url, poolMax: 5, statementTimeoutMs: 30_000 });
const webRoot = `${resolve(values.web!)}/`;
const app = await buildApp({
  db,
  config: BENCH_CONFIG,
  keyring: database.keyring,
  clock: systemClock,
  publicOrigin: BENCH_ORIGIN,
  loginPerMinute: 1_000_000,
  logger: { level: 'error' },
  webRoot,
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await launchChromium(['--lang=ar']);
try {
  const cookie = await signIn(base, scaleAccounts(0).coordinator, SCALE_PASSWORD);
  const { rows } = await pool.query('SELECT id FROM case_record WHERE municipality_id = $1 ORDER BY id LIMIT 1', [database.town.id]);
  const paths: Record<string, string> = { 'sign-in': '/sign-in', home: '/', case: `/cases/${rows[0].id}` };
  log(`serving ${webRoot}`);
  if (values.lighthouse) {
    // Lighthouse itself on this build (bench/lighthouse.ts: Arabic, mobile defaults), `runs` times.
    const pages = values.pages!.split(',').map((name) => ({ name, path: paths[name]!, cookie: name === 'sign-in' ? undefined : cookie }));
    const scores = new Map<string, number[]>();
    for (let i = 0; i < Number(values.runs); i++)
      for (const p of await measureLighthouse(base, pages)) {
        log(`lighthouse run ${i + 1} ${p.name}: a11y ${p.accessibility} perf ${p.performance} ${JSON.stringify(p.metrics)}`);
        scores.set(p.name, [...(scores.get(p.name) ?? []), p.performance ?? 0]);
      }
    for (const [name, perf] of scores) log(`lighthouse ${name}: performance median ${median(perf)} (${perf.join(', ')})`);
    values.pages = '';
  }
  for (const name of values.pages!.split(',').filter(Boolean)) {
    const runs: Run[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const context = await browser.newContext({
        locale: 'ar',
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
      });
      const [cookieName, cookieValue] = cookie.split('=') as [string, string];
      if (name !== 'sign-in') await context.addCookies([{ name: cookieName, value: cookieValue, url: base }]);
      const run = await measure(await context.newPage(), `${base}${paths[name]}`, FIRST_SCREEN[name]!);
      await context.close();
      runs.push(run);
      const ms = (tasks: Run['tasks']) => tasks.map((t) => t.ms.toFixed(0)).join('+');
      log(
        `${name} run ${i + 1}: fcp ${run.fcp.toFixed(0)} shown ${run.shown.toFixed(0)} ms; long tasks before shown ${ms(early(run))} (blocking ${blocking(early(run)).toFixed(0)}), all ${ms(run.tasks)} (blocking ${blocking(run.tasks).toFixed(0)})`,
      );
    }
    const med = (f: (r: Run) => number) => median(runs.map(f)).toFixed(0);
    // Lighthouse's total blocking time counts the tasks after the first paint.
    const afterPaint = (r: Run) => r.tasks.filter((t) => t.end > r.fcp);
    log(
      `${name}: median fcp ${med((r) => r.fcp)} ms, shown ${med((r) => r.shown)} ms, blocking before shown ${med((r) => blocking(early(r)))} ms, blocking after first paint ${med((r) => blocking(afterPaint(r)))} ms, long-task time in all ${med((r) => r.tasks.reduce((sum, t) => sum + t.ms, 0))} ms${values.cpu ? ' (CPU time × 4)' : ''}`,
    );
  }
} finally {
  await browser.close();
  await app.close();
  await pool.end();
  await database.stop();
}
