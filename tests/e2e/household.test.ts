import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { systemClock } from '../../src/lib/clock.js';
import { testDb } from '../helpers/db.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase } from '../helpers/case-factories.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));
if (!existsSync(`${webRoot}index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does).');

const { db } = await testDb();
const app = await buildApp({ db, config: testConfig(), keyring: testKeyring, clock: systemClock, publicOrigin: null, loginPerMinute: 1_000, webRoot });
let base = '';
let browser: Browser;
const cspViolations: string[] = [];

beforeAll(async () => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app.close();
});

/** Waits for the answer of one tRPC procedure the page is about to call. */
const answerOf = (page: Page, path: string) => page.waitForResponse((res) => new URL(res.url()).pathname === `/trpc/${path}` && res.ok());

describe('a household on the case page', () => {
  it('the coordinator links a child to the case’s person and sees the child listed', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameArabic: 'كريم السعدي', nameLatin: 'Karim Saadi' } });
    const child = await makePerson(db, town.town.id, { nameArabic: 'نور السعدي', nameLatin: 'Nour Saadi', birthYear: 2015 });

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await page.goto(`${base}/`);
    const signIn = page.getByTestId('sign-in-form');
    await signIn.locator('input[name=email]').fill(town.coordinator.email);
    await signIn.locator('input[name=password]').fill(TEST_PASSWORD);
    await signIn.locator('button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();

    await page.goto(`${base}/cases/${c.id}`);
    const section = page.getByTestId('household-section');
    await section.getByText('No family member is linked.').waitFor();
    await section.getByTestId('link-member').click();
    const form = section.getByTestId('household-form');
    const matched = answerOf(page, 'people.match');
    await form.getByTestId('member-search').fill('Saadi');
    await matched;
    // The case's own person matches the name too, but is never offered.
    const candidate = form.getByTestId('household-candidate').filter({ hasText: 'Nour Saadi' });
    await candidate.waitFor();
    expect(await form.getByTestId('household-candidate').filter({ hasText: 'Karim Saadi' }).count()).toBe(0);
    await candidate.getByTestId('choose-member').click();
    await form.getByTestId('chosen-member').getByText('Nour Saadi').waitFor();
    await form.locator('select[name=relationship]').selectOption('child');
    const linked = answerOf(page, 'people.linkHousehold');
    await form.locator('button[type=submit]').click();
    await linked;

    const member = section.getByTestId('household-member').filter({ hasText: 'Nour Saadi' });
    await member.waitFor();
    expect(await member.textContent()).toContain('نور السعدي');
    expect(await member.textContent()).toContain('Child');
    expect(await member.textContent()).toContain('born 2015');
    expect(await section.getByTestId('household-hidden').count()).toBe(0);
    const link = await db.householdMember.findFirst({ where: { personId: child.id }, select: { relationship: true } });
    expect(link?.relationship).toBe('child');
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 20_000);
});
