import { describe, expect, it } from 'vitest';
import { chromiumSource, launchChromium } from './chromium.js';

describe('the browser tests on a machine without Debian’s Chromium', () => {
  it('falls back to the Chromium packaged on npm, which lays out Arabic right to left and runs the page', {
    timeout: 120_000,
  }, async () => {
    const before = process.env.JISR_CHROMIUM;
    process.env.JISR_CHROMIUM = 'bundled';
    try {
      expect(chromiumSource()).toBe('bundled');
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.setContent(
          '<html lang="ar" dir="rtl"><body><p id="p" style="inline-size:10em">جسر</p><button onclick="this.textContent=\'تم\'">زر</button></body></html>',
        );
        await page.click('button');
        expect(await page.textContent('button')).toBe('تم');
        expect(await page.evaluate("getComputedStyle(document.getElementById('p')).direction")).toBe('rtl');
      } finally {
        await browser.close();
      }
    } finally {
      if (before === undefined) delete process.env.JISR_CHROMIUM;
      else process.env.JISR_CHROMIUM = before;
    }
    expect(chromiumSource({ JISR_CHROMIUM: 'bundled' })).toBe('bundled');
  });
});
