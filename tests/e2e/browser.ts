import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { buildApp } from '../../src/app.js';
import { systemClock } from '../../src/lib/clock.js';
import { testDb } from '../helpers/db.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import type { AppConfig } from '../../src/config.js';

const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Waits for the successful answer of one tRPC procedure the page is about to call. */
export const answerOf = (page: Page, path: string) =>
  page.waitForResponse((res) => new URL(res.url()).pathname === `/trpc/${path}` && res.ok());

/**
 * A browser test file's world: the real app (this file's database, real clock) listening on a free
 * port, and Chromium, both started before the tests and closed after. Call at the file's top level.
 * `cspViolations` collects what pages logged about the Content Security Policy: there must be none.
 * `config` changes the app's settings (a short idle limit, say).
 */
export async function browserWorld(opts: { config?: AppConfig } = {}) {
  if (!existsSync(`${webRoot}index.html`))
    throw new Error('web/dist is missing: run `npm test` (it builds the web app) or `npm run build:web`.');
  const { db } = await testDb();
  const app = await buildApp({
    db,
    config: opts.config ?? testConfig(),
    keyring: testKeyring,
    clock: systemClock,
    publicOrigin: null,
    loginPerMinute: 1_000,
    webRoot,
  });
  const world = {
    db,
    app,
    base: '',
    browser: undefined as unknown as Browser,
    cspViolations: [] as string[],
    /** A fresh browser context (no cookies) and page, in English unless the test switches. */
    async newPage(): Promise<{ context: BrowserContext; page: Page }> {
      const context = await world.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      // Fail with the selector that was missing, well before the test's own timeout. A page load
      // has more room: the first one in a fresh context is slow on a loaded machine.
      context.setDefaultTimeout(10_000);
      context.setDefaultNavigationTimeout(30_000);
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) world.cspViolations.push(msg.text());
      });
      return { context, page };
    },
    /** Opens the front page and signs in through the form; resolves when the home page shows. */
    async signIn(page: Page, email: string, password = TEST_PASSWORD) {
      await page.goto(`${world.base}/`);
      const form = page.getByTestId('sign-in-form');
      await form.locator('input[name=email]').fill(email);
      await form.locator('input[name=password]').fill(password);
      await form.locator('button[type=submit]').click();
      await page.getByTestId('home-title').waitFor();
    },
  };
  beforeAll(async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    world.base = `http://127.0.0.1:${address.port}`;
    world.browser = await launchChromium();
  });
  afterAll(async () => {
    await world.browser?.close();
    await app.close();
  });
  return world;
}
