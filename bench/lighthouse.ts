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
  /** Audits that did not pass in either category (their ids), to show what to fix. */
  failing: string[];
}

/** Scores each page in turn (one Chromium, one page at a time: two cores are shared). */
export async function measureLighthouse(
  base: string,
  pages: readonly { name: string; path: string; cookie?: string }[],
): Promise<LighthousePage[]> {
  const port = await freePort();
  // Arabic is the interface language users here have first; the app takes it from the browser.
  const browser = await launchChromium([`--remote-debugging-port=${port}`, '--lang=ar']);
  try {
    const results: LighthousePage[] = [];
    for (const page of pages) {
      const run = await lighthouse(`${base}${page.path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance'],
        extraHeaders: page.cookie ? { Cookie: page.cookie } : null,
      });
      const lhr = run?.lhr;
      const score = (id: string) => {
        const s = lhr?.categories[id]?.score;
        return typeof s === 'number' ? Math.round(s * 100) : null;
      };
      const failing = Object.values(lhr?.categories ?? {})
        .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr!.audits[r.id]!))
        .filter((a) => a.score !== null && a.score < 0.9)
        .map((a) => a.id);
      results.push({ name: page.name, path: page.path, accessibility: score('accessibility'), performance: score('performance'), failing });
    }
    return results;
  } finally {
    await browser.close();
  }
}
