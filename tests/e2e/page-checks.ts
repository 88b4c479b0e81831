import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Request } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Why the document is wider than its layout viewport, or null when it is not: the sizes and the
 * innermost element that sticks out (not clipped by a scrolling frame it belongs to). An absolutely
 * positioned element belongs to its containing block, not to its parent, which is how a visually
 * hidden heading escapes a table's frame.
 */
const OVERFLOW = `(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const clips = (e) => e !== document.body && e !== root && getComputedStyle(e).overflowX !== 'visible';
  const clipped = (el) => {
    for (let e = el; e && e !== document.body; ) {
      const position = getComputedStyle(e).position;
      if (position === 'fixed') return false;
      const next = position === 'absolute' ? e.offsetParent : e.parentElement;
      if (next && clips(next)) return true;
      e = next;
    }
    return false;
  };
  // In mobile emulation a too-wide page widens what the viewport shows: measure against the body.
  const bounds = document.body.getBoundingClientRect();
  const hits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const out = Math.max(r.right - bounds.right, bounds.left - r.left);
    if (out > 0.5 && (r.width > 0 || r.height > 0) && !clipped(el)) hits.push({ el, out });
  }
  // The causes, not the columns they stretched: those with nothing sticking out inside them, the
  // furthest first and, among equals, a scrolling frame (one that failed to hold its content).
  const frame = (e) => (getComputedStyle(e).overflowX === 'visible' ? 0 : 1);
  const leaves = hits.filter((h) => !hits.some((k) => k.el !== h.el && h.el.contains(k.el)));
  leaves.sort((a, b) => (Math.abs(a.out - b.out) > 2 ? b.out - a.out : frame(b.el) - frame(a.el)));
  const name = (e) => e.tagName.toLowerCase() + (e.getAttribute('data-testid') ? '[data-testid=' + e.getAttribute('data-testid') + ']' : '')
    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const described = (el) => {
    const path = [];
    for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) path.unshift(name(e));
    return path.join(' > ') + ' (' + Math.round(el.getBoundingClientRect().width) + ' px)';
  };
  return { scrollWidth: root.scrollWidth, clientWidth: width,
    widest: leaves.length ? leaves.slice(0, 3).map((h) => described(h.el)).join(' | ') : 'not found' };
})()`;

/** The page's horizontal overflow in words, or null when the page fits its viewport. */
export async function overflow(page: Page): Promise<string | null> {
  const found = await page.evaluate<{ scrollWidth: number; clientWidth: number; widest: string } | null>(OVERFLOW);
  return found && `document ${found.scrollWidth} px wide in a ${found.clientWidth} px viewport; widest: ${found.widest}`;
}

/** Violations axe-core fails a page for: serious or critical ones, and a landmark name given twice. */
const AXE = `axe.run(document, { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] })
  .then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-unique')
    .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '))
    .concat([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].some((x) => x.id === 'target-size') ? [] : ['target-size did not run']))`;

/**
 * axe-core's serious and critical findings on the page as it is now. The source is evaluated
 * through the DevTools protocol rather than added as an inline script, which the app's Content
 * Security Policy (rightly) refuses.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(AXE);
}

/** A context's requests in flight, and when that last changed (watchTraffic). */
interface Traffic {
  inflight: Set<Request>;
  last: number;
  changes: number;
  listeners: Set<() => void>;
}
const traffic = new WeakMap<BrowserContext, Traffic>();

/**
 * Follows a browser context's requests, so that `settled` can tell a quiet page in a fifth of the time
 * Playwright's 'networkidle' takes (nothing in flight for 500 ms). Call on a new context, before it opens a page.
 */
export function watchTraffic(context: BrowserContext) {
  const t: Traffic = { inflight: new Set(), last: Date.now(), changes: 0, listeners: new Set() };
  const changed = () => {
    t.last = Date.now();
    t.changes++;
    for (const listener of [...t.listeners]) listener();
  };
  context.on('request', (r) => (t.inflight.add(r), changed()));
  const ended = (r: Request) => (t.inflight.delete(r), changed());
  context.on('requestfinished', ended);
  context.on('requestfailed', ended);
  traffic.set(context, t);
}

/** How long nothing may be in flight before a watched page counts as quiet. */
const QUIET_MS = 200;

/** Resolves once nothing has been in flight for QUIET_MS; names what is still loading after `limitMs`. */
function quiet(t: Traffic, limitMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (err?: Error) => {
      clearTimeout(timer);
      clearTimeout(limit);
      t.listeners.delete(check);
      err ? reject(err) : resolve();
    };
    const limit = setTimeout(
      () => finish(new Error(`still loading after ${limitMs} ms: ${[...t.inflight].map((r) => r.url()).join(', ')}`)),
      limitMs,
    );
    function check() {
      clearTimeout(timer);
      if (t.inflight.size === 0) timer = setTimeout(() => finish(), Math.max(0, t.last + QUIET_MS - Date.now()));
    }
    t.listeners.add(check);
    check();
  });
}

const SHOWN = '!document.querySelector(".loading, [aria-busy=true]") && document.fonts.status === "loaded"';

/**
 * One idle moment of the page and a task after it: the parts a page mounts when the browser is idle
 * (components/Deferred.tsx) have started what they load by then.
 */
const IDLE_ROUND = 'new Promise((done) => requestIdleCallback(() => setTimeout(done, 20), { timeout: 1000 }))';

/**
 * Resolves once `expression` holds in the page, checked at every frame. Not page.waitForFunction with a
 * string: that compiles it with eval inside the page, which the app's Content Security Policy can refuse
 * (it did, now and then, with several pages at once); an evaluated expression is not subject to it.
 */
export function until(page: Page, expression: string, limitMs = 15_000): Promise<unknown> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (${expression}) resolve(true);
      else if (performance.now() - started > ${limitMs}) reject(new Error('timed out waiting for: ' + ${JSON.stringify(expression)}));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/**
 * Waits until the page has loaded what it shows: no request in flight, nothing loading or busy, fonts
 * loaded, and an idle moment of the page that started nothing new. A page of a context given to
 * `watchTraffic` is read from its requests; any other waits for Playwright's 'networkidle'.
 */
export async function settled(page: Page) {
  const t = traffic.get(page.context());
  if (!t) {
    await page.waitForLoadState('networkidle');
    await until(page, SHOWN);
    return;
  }
  for (;;) {
    await quiet(t);
    await until(page, SHOWN);
    const before = t.changes;
    await page.evaluate(IDLE_ROUND);
    if (t.changes === before && t.inflight.size === 0) return;
  }
}
