import { beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { browserWorld } from './browser.js';
import { axeViolations, overflow, settled, until, watchTraffic } from './page-checks.js';
import { phoneScenario, type Role } from './phone-scenario.js';

export type Locale = 'ar' | 'fr' | 'en';

/**
 * The phone tests' world (phone.test.ts, phone-pages.test.ts): the app, Chromium and the phone
 * scenario's town, made once per file. Call at the file's top level.
 */
export async function phoneWorld() {
  const world = await browserWorld();
  const { db } = world;
  let town!: Awaited<ReturnType<typeof phoneScenario>>;
  beforeAll(async () => {
    town = await phoneScenario(db);
  });

  /** A phone: 360×740, touch, the mobile viewport meta honoured; one context per role. */
  async function phone(locale: Locale) {
    const context = await world.browser.newContext({
      locale,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    watchTraffic(context);
    return { context, page: await context.newPage() };
  }

  /**
   * Signs `role` in with the account set to `locale` (the app adopts the account's language). Tests
   * that run at the same time sign in different roles: the locale is the account's.
   */
  async function signedIn(role: Role, locale: Locale) {
    const { email } = town.users[role];
    await db.user.update({ where: { email }, data: { locale }, select: { id: true } });
    const { context, page } = await phone(locale);
    await world.signIn(page, email);
    await until(page, `document.documentElement.lang === '${locale}'`);
    return { context, page };
  }

  /** Opens `path` and says what is wrong with it: too wide, opened scrolled sideways, axe findings, an error shown. */
  async function check(page: Page, path: string, where: string): Promise<string[]> {
    await page.goto(`${world.base}${path}`);
    await settled(page);
    const problems: string[] = [];
    if (new URL(page.url()).pathname !== path.split('?')[0]) problems.push(`${where} ${path}: ended on ${page.url()}`);
    const error = await page.evaluate<string | null>(
      'document.querySelector("[data-testid=page-error], [data-testid=forbidden]")?.textContent ?? null',
    );
    if (error !== null) problems.push(`${where} ${path}: shows an error: ${error}`);
    const wide = await overflow(page);
    if (wide) problems.push(`${where} ${path}: ${wide}`);
    const scrolled = await page.evaluate<number>('window.scrollX');
    if (scrolled !== 0) problems.push(`${where} ${path}: opens scrolled ${scrolled} px sideways`);
    for (const v of await axeViolations(page)) problems.push(`${where} ${path}: axe ${v}`);
    return problems;
  }

  return {
    world,
    /** The scenario's town (set before the first test). */
    town: () => town,
    phone,
    signedIn,
    check,
  };
}
