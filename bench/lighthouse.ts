/**
 * Lighthouse's accessibility and performance scores (0–100) for the sign-in page, home and a case
 * page, in Arabic, with its default mobile settings (simulated slow 4G and a 4× slower CPU). The
 * Chromium is the browser tests' (tests/e2e/chromium.ts); signed-in pages get the session cookie on
 * every request. Reported by `npm run bench`, never asserted: scores move with the machine's load.
 */
import lighthouse from 'lighthouse';
import { launchChromium } from '../tests/e2e/chromium.js';
import { freePort } from '../src/embedded.js';

export interface LighthousePage {
  name: string;
  path: string;
  accessibility: number | null;
  performance: number | null;
  /** The metrics behind the performance score, as Lighthouse words them ("1.6 s", "40 ms", "0.01"). */
  metrics: Record<string, string>;
  /** Audits that did not pass in either category (their ids), to show what to fix. */
  failing: string[];
  /** Lighthouse's own failure after the last try (e.g. NO_NAVSTART), null when it scored the page. */
  error: string | null;
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
/** A page whose trace Lighthouse could not read is scored again, in a new browser, up to this often. */
const TRIES = 3;

/** One Lighthouse run in a browser of its own (a reused one sometimes leaves the next trace without its start). */
async function scoreOnce(url: string, cookie: string | undefined) {
  const port = await freePort();
  // Arabic is the interface language users here have first; the app takes it from the browser.
  const browser = await launchChromium([`--remote-debugging-port=${port}`, '--lang=ar']);
  try {
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility', 'performance'],
      extraHeaders: cookie ? { Cookie: cookie } : null,
    });
    return run?.lhr;
  } finally {
    await browser.close();
  }
}

/** Scores each page in turn (one page at a time: two cores are shared). */
export async function measureLighthouse(
  base: string,
  pages: readonly { name: string; path: string; cookie?: string }[],
): Promise<LighthousePage[]> {
  const results: LighthousePage[] = [];
  for (const page of pages) {
    let lhr = await scoreOnce(`${base}${page.path}`, page.cookie);
    for (let tried = 1; tried < TRIES && (!lhr || lhr.runtimeError); tried++) lhr = await scoreOnce(`${base}${page.path}`, page.cookie);
    const score = (id: string) => {
      const s = lhr?.categories[id]?.score;
      return typeof s === 'number' ? Math.round(s * 100) : null;
    };
    const failing = Object.values(lhr?.categories ?? {})
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr!.audits[r.id]!))
      .filter((a) => a.score !== null && a.score < 0.9)
      .map((a) => a.id);
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr?.audits[id]?.displayValue ?? '–']));
    results.push({
      name: page.name,
      path: page.path,
      accessibility: score('accessibility'),
      performance: score('performance'),
      metrics,
      failing,
      error: lhr ? (lhr.runtimeError?.code ?? null) : 'NO_RESULT',
    });
  }
  return results;
}
