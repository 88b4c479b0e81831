import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneWorld } from './phone-checks.js';
import type { Role } from './phone-scenario.js';

// The other phone checks (sign-in and forced pages, the menu, French and English) are in phone-pages.test.ts:
// two files, so the two test workers share them.
const { world, town, signedIn, check } = await phoneWorld();

const ROLES: readonly Role[] = ['social_worker', 'coordinator', 'agency_practitioner', 'auditor', 'admin'];

/** The pages in this user's menu, as the menu links to them. */
const menuLinks = (page: Page) =>
  page.evaluate<string[]>('[...document.querySelectorAll(".app-nav a[href]")].map((a) => a.getAttribute("href"))');

describe('every page on a 360 px phone, in Arabic', () => {
  // One role per browser context, all at once: each signs in its own account, so they share nothing but the town.
  it.concurrent.for(ROLES)(
    'as %s: every page it can reach fits the screen and passes axe',
    { timeout: 240_000 },
    async (role, { expect }) => {
      const { context, page } = await signedIn(role, 'ar');
      expect(await page.evaluate<number>('document.documentElement.clientWidth')).toBe(360);
      const routes = [...new Set([...(await menuLinks(page)), ...town().detail[role]])];
      expect(routes.length).toBeGreaterThan(4);
      const problems: string[] = [];
      for (const path of routes) problems.push(...(await check(page, path, `${role}:`)));
      await context.close();
      expect(problems).toEqual([]);
      expect(world.cspViolations).toEqual([]);
    },
  );
});
