import { describe, expect, it } from 'vitest';
import { browserWorld } from './browser.js';
import { TEST_PASSWORD, makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** The dictionary chunks (assets/ar-….js, en-…, fr-…) the page fetches from now on, by language. */
function dictionariesFetched(page: import('playwright-core').Page) {
  const seen = new Set<string>();
  page.on('request', (req) => {
    const m = /\/assets\/(ar|en|fr)-[\w-]+\.js$/.exec(new URL(req.url()).pathname);
    if (m) seen.add(m[1]!);
  });
  return seen;
}

// Issue 15: only the current language's dictionary is loaded; the first page's chunks and data are asked for together.
describe('the first page', () => {
  it("loads only its language's dictionary; switching fetches the other one and changes words and direction together", async () => {
    const { page, context } = await world.newPage();
    const fetched = dictionariesFetched(page);
    await page.goto(`${world.base}/sign-in`);
    await page.getByTestId('sign-in-form').waitFor();
    expect([...fetched]).toEqual(['en']);
    await page.getByTestId('language').selectOption('ar');
    await page.locator('html[lang=ar][dir=rtl]').waitFor();
    await page.getByRole('button', { name: 'دخول', exact: true }).waitFor();
    expect([...fetched].sort()).toEqual(['ar', 'en']);
    // Back to English: already here, nothing fetched again, and the words follow at once.
    await page.getByTestId('language').selectOption('en');
    await page.locator('html[lang=en][dir=ltr]').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect([...fetched].sort()).toEqual(['ar', 'en']);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 60_000);

  it("the sign-in page fetches only its language's first words; the areas' words come with the signed-in frame", async () => {
    const town = await makeTown(db);
    const { page, context } = await world.newPage();
    const files = new Set<string>();
    page.on('request', (req) => {
      const m = /\/assets\/(en-[\w-]+\.js)$/.exec(new URL(req.url()).pathname);
      if (m) files.add(m[1]!);
    });
    await page.goto(`${world.base}/sign-in`);
    const form = page.getByTestId('sign-in-form');
    await form.waitFor();
    expect(files.size).toBe(1);
    await form.locator('input[name=email]').fill(town.coordinator.email);
    await form.locator('input[name=password]').fill(TEST_PASSWORD);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();
    expect(files.size).toBeGreaterThan(1);
    // Words of an area (the menu's, layout/en.ts) are on the page, and no key or "undefined" shows instead of one.
    expect(await page.getByTestId('menu-button').textContent()).toContain('Menu');
    expect(await page.locator('#app').textContent()).not.toMatch(/undefined|\bnav\.|\bhome\.|\blayout\./);
    await context.close();
  }, 60_000);

  it('a case page opened directly reads the case once (one audited case.read) though it is asked for early', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'intake' });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    const reads = () => db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'case.read', entityId: c.id } });
    await page.goto(`${world.base}/cases/${c.id}`);
    await page.getByTestId('case-reference').waitFor();
    await page.getByTestId('workflow').waitFor();
    expect(await reads()).toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 60_000);
});
