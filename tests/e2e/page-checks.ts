import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Why the document is wider than its layout viewport, or null when it is not: the sizes and the
 * element that sticks out furthest (deepest of equals) and is not clipped by a scrolling frame it
 * belongs to. An absolutely positioned element belongs to its containing block, not to its parent,
 * which is how a visually hidden heading escapes a table's frame.
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
  let worst = null;
  let most = 0.5;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const out = Math.max(r.right - width, -r.left);
    if (out >= most && !clipped(el)) { worst = el; most = out; }
  }
  const name = (e) => e.tagName.toLowerCase() + (e.getAttribute('data-testid') ? '[data-testid=' + e.getAttribute('data-testid') + ']' : '')
    + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const path = [];
  for (let e = worst; e && e !== document.body && path.length < 4; e = e.parentElement) path.unshift(name(e));
  return { scrollWidth: root.scrollWidth, clientWidth: width,
    widest: worst ? path.join(' > ') + ' (' + Math.round(worst.getBoundingClientRect().width) + ' px)' : 'not found' };
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
    .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`;

/**
 * axe-core's serious and critical findings on the page as it is now. The source is evaluated
 * through the DevTools protocol rather than added as an inline script, which the app's Content
 * Security Policy (rightly) refuses.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(AXE);
}

/** Waits until the page has loaded what it shows: no request in flight, nothing loading or busy. */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction('!document.querySelector(".loading, [aria-busy=true]")');
}
