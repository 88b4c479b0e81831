import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserWorld } from './browser.js';
import { axeViolations, overflow } from './page-checks.js';
import { makeTown } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** A phone in Arabic, as the hub's staff in the region use the app. */
async function phone(browser: Browser) {
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  return { context, page };
}

describe("the hub's auditor (Arabic, 360 px)", () => {
  it("sees the analyst's figure read in the hub's log, verifies the hub's chain, and sees no member city's event", async () => {
    const town = await makeTown(db);
    const hub = await makeHub(db, [{ id: town.town.id }]);
    await db.user.updateMany({ where: { id: { in: [hub.analyst.id, hub.auditor.id] } }, data: { locale: 'ar' } });
    // The member city's own work, on its own chain: a coordinator opens a case.
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, person: { nameLatin: 'Salma Synthetic-Chain' } });
    await (await callerFor(db, town.coordinator, { clock: manualClock(new Date()) })).caller.cases.get({ id: c.id });

    // The analyst reads the hub's figures.
    const analyst = await phone(world.browser);
    await world.signIn(analyst.page, hub.analyst.email);
    await analyst.page.getByTestId('home-hub').click();
    await analyst.page.locator('#hub-title').waitFor();
    await analyst.page.getByTestId('hub-figure-referralsByCohort').waitFor();
    await analyst.context.close();
    const read = await db.auditEvent.findFirst({
      where: { actorId: hub.analyst.id, action: 'hub.figures' },
      select: { municipalityId: true, outcome: true },
    });
    expect(read).toEqual({ municipalityId: hub.hub.id, outcome: 'allowed' });

    // The hub's auditor: the audit log only in the menu, the hub's chain on the page.
    const { context, page } = await phone(world.browser);
    await world.signIn(page, hub.auditor.email);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    await page.locator('#app-menu a[href="/audit"]').waitFor({ state: 'attached' });
    for (const href of ['/retention', '/statistics', '/cases'])
      expect(await page.locator(`#app-menu a[href="${href}"]`).count(), href).toBe(0);
    await page.goto(`${world.base}/audit`);
    const rows = page.getByTestId('audit-row');
    const figureRead = rows.and(page.locator('[data-action="hub.figures"]')).first();
    await figureRead.waitFor();
    const { displayName } = await db.user.findUniqueOrThrow({ where: { id: hub.analyst.id }, select: { displayName: true } });
    expect(await figureRead.textContent()).toContain(displayName);
    // Nothing of the city: its case read, its coordinator, the person's name.
    expect(await rows.and(page.locator('[data-action="case.read"]')).count()).toBe(0);
    const table = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(table).not.toContain('Salma');
    expect(table).not.toContain(c.id.slice(0, 8));
    // No records' access history in a hub.
    expect(await page.getByTestId('history-search').count()).toBe(0);

    await page.getByTestId('verify').click();
    const verdict = page.getByTestId('verify-result').locator('[data-state]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-state')).toBe('intact');
    expect(await overflow(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    // The API says the same: the hub's chain only, and a crafted filter for the city's coordinator finds nothing.
    const { caller } = await callerFor(db, hub.auditor, { clock: manualClock(new Date()) });
    const { items } = await caller.audit.list({ limit: 200 });
    const hubSeqs = new Set((await db.auditEvent.findMany({ where: { chain: hub.hub.id }, select: { seq: true } })).map((e) => e.seq));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => hubSeqs.has(e.seq) && e.actorId !== town.coordinator.id)).toBe(true);
    expect(items.some((e) => e.action === 'hub.figures' && e.actorId === hub.analyst.id)).toBe(true);
    expect((await caller.audit.list({ actorId: town.coordinator.id })).items).toEqual([]);
    expect((await caller.audit.verify()).firstBroken).toBeNull();
    await expect(caller.audit.caseHistory({ id: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it("the hub's admin has the hub's settings only: flag rules and second-factor roles of a hub's roles, which save", async () => {
    const hub = await makeHub(db);
    await db.user.update({ where: { id: hub.admin.id }, data: { locale: 'ar' }, select: { id: true } });
    const { context, page } = await phone(world.browser);
    await world.signIn(page, hub.admin.email);
    await page.locator('#app-menu a[href="/admin/settings"]').waitFor({ state: 'attached' });
    for (const href of ['/admin/agencies', '/admin/lists', '/admin/retention', '/retention', '/processing-record'])
      expect(await page.locator(`#app-menu a[href="${href}"]`).count(), href).toBe(0);
    await page.goto(`${world.base}/admin/settings`);
    await page.getByTestId('flag-settings-form').waitFor();
    const roles = page.getByTestId('factor-roles').locator('input[name=roles]');
    await roles.first().waitFor();
    expect((await roles.evaluateAll((is) => is.map((i) => i.getAttribute('value')))).sort()).toEqual(['admin', 'auditor', 'hub_analyst']);
    // The casework settings and holidays are not offered (the server refuses them), and nothing on the page failed.
    expect(await page.getByTestId('settings-form').count()).toBe(0);
    expect(await page.getByTestId('holidays').count()).toBe(0);
    expect(await page.getByTestId('hub-sharing').count()).toBe(0);
    expect(await page.locator('.alert-error:not(:empty)').count()).toBe(0);
    await roles.and(page.locator('[value=auditor]')).check();
    await page.getByTestId('factor-roles').locator('button[type=submit]').click();
    await page.getByTestId('factor-roles').locator('.alert-success').waitFor();
    expect(await db.municipality.findUniqueOrThrow({ where: { id: hub.hub.id }, select: { secondFactorRoles: true } })).toEqual({
      secondFactorRoles: ['auditor'],
    });
    expect(await overflow(page)).toBeNull();
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
