import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chromiumPath, chromiumSource, launchChromium, missingLibraries, packagedLibraryPath } from './chromium.js';

/** Runs `work` with the environment variables set, then puts them back. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A page with Arabic and a button: laid out right to left, and it runs. */
async function arabicPage() {
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
}

describe('the browser tests on a machine without Debian’s Chromium', () => {
  it('falls back to the Chromium packaged on npm, which lays out Arabic right to left and runs the page', {
    timeout: 120_000,
  }, async () => {
    await withEnv({ JISR_CHROMIUM: 'bundled' }, async () => {
      expect(chromiumSource()).toBe('bundled');
      await arabicPage();
    });
    expect(chromiumSource({ JISR_CHROMIUM: 'bundled' })).toBe('bundled');
  });

  it('runs on the libraries the package carries, for a base system without NSS and NSPR', { timeout: 120_000 }, async () => {
    await withEnv({ JISR_CHROMIUM: 'bundled', JISR_CHROMIUM_LIBS: 'bundled' }, async () => {
      const executable = await chromiumPath();
      const path = await packagedLibraryPath(executable);
      expect(path).toMatch(/al2023\/lib/);
      // With that path NSS and NSPR come from the package, not the system.
      const { stdout } = await promisify(execFile)('ldd', [executable], { env: { ...process.env, LD_LIBRARY_PATH: path! } });
      expect(stdout).toMatch(/libnss3\.so => \S*al2023\/lib\/libnss3\.so/);
      expect(stdout).toMatch(/libnspr4\.so => \S*al2023\/lib\/libnspr4\.so/);
      await arabicPage();
    });
  });

  it('reads which libraries are missing from ldd', () => {
    const ldd = [
      '\tlinux-vdso.so.1 (0x00007ffd)',
      '\tlibnss3.so => not found',
      '\tlibnspr4.so => not found',
      '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)',
    ].join('\n');
    expect(missingLibraries(ldd)).toEqual(['libnss3.so', 'libnspr4.so']);
    expect(missingLibraries('\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)')).toEqual([]);
  });
});
