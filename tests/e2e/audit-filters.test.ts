import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { overflow, settled } from './page-checks.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** The message shown beside the field named `name` of `form`, if any. */
const besideField = (page: Page, form: string, name: string) =>
  page.evaluate<string | null>(`(() => {
    const input = document.querySelector('[data-testid=${form}] [name=${name}]');
    const ids = (input?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const words = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return input?.getAttribute('aria-invalid') === 'true' ? words : null;
  })()`);

describe("the audit log's filters and the access history search check what is typed, in the app's words", () => {
  it('dates out of order, a malformed action, reference or id: a translated error beside the field, nothing asked of the server', async () => {
    const town = await makeTown(db);
    const auditor = await makeUser(db, { municipalityId: town.town.id, role: 'auditor', locale: 'ar' });
    const c = await makeCase(db, town, { summary: 'Synthetic summary.' });
    const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/trpc/')) asked.push(path);
    });
    await world.signIn(page, auditor.email);
    await page.goto(`${world.base}/audit`);
    await settled(page);
    const filters = page.getByTestId('audit-filters');
    expect(await filters.evaluate((f) => (f as unknown as { noValidate: boolean }).noValidate)).toBe(true);

    // The end before the start.
    await filters.locator('input[name=from]').fill('2026-06-10');
    await filters.locator('input[name=to]').fill('2026-06-01');
    asked.length = 0;
    await filters.locator('button[type=submit]').click();
    await expect.poll(() => besideField(page, 'audit-filters', 'to')).toBe('تاريخ النهاية قبل تاريخ البداية.');
    expect(await besideField(page, 'audit-filters', 'from')).toBeNull();
    // A malformed action code, with the dates put right: only the action is wrong now.
    await filters.locator('input[name=to]').fill('2026-06-20');
    await filters.locator('input[name=action]').fill('case read!');
    await filters.locator('button[type=submit]').click();
    await expect.poll(() => besideField(page, 'audit-filters', 'action')).toContain('case.read');
    expect(await besideField(page, 'audit-filters', 'to')).toBeNull();
    expect(asked.filter((p) => p.includes('audit.list'))).toEqual([]);
    expect(await overflow(page)).toBeNull();

    // Put right: the log is asked with the filters, and no error is left on screen.
    await filters.locator('input[name=action]').fill('auth.');
    const listed = answerOf(page, 'audit.list');
    await filters.locator('button[type=submit]').click();
    await listed;
    expect(await besideField(page, 'audit-filters', 'action')).toBeNull();
    expect(await filters.locator('[aria-invalid=true]').count()).toBe(0);

    // The access history: a reference that is not one, an id that is not one, then nothing at all.
    const search = page.getByTestId('history-search');
    asked.length = 0;
    await search.locator('input[name=reference]').fill('ABC');
    await search.locator('button[type=submit]').click();
    await expect.poll(() => besideField(page, 'history-search', 'reference')).toBe('مرجع الملف يكون على شكل TUN-2026-0042.');
    await search.locator('input[name=reference]').fill('');
    await search.locator('input[name=id]').fill('not-an-id');
    await search.locator('button[type=submit]').click();
    await expect.poll(() => besideField(page, 'history-search', 'id')).toContain('36');
    expect(await besideField(page, 'history-search', 'reference')).toBeNull();
    await search.locator('input[name=id]').fill('');
    await search.locator('button[type=submit]').click();
    await expect.poll(() => besideField(page, 'history-search', 'reference')).toBe('أدخل مرجع حالة أو معرّف سجل.');
    expect(asked.filter((p) => p.includes('History'))).toEqual([]);

    // A real reference: the history shows and the old error is gone.
    await search.locator('input[name=reference]').fill(c.reference);
    const answered = answerOf(page, 'audit.caseHistory');
    await search.locator('button[type=submit]').click();
    await answered;
    await expect.poll(() => search.getByTestId('history-of').textContent()).toContain(c.reference);
    expect(await search.locator('[aria-invalid=true]').count()).toBe(0);
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
