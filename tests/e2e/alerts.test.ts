import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { answerOf, browserWorld } from './browser.js';
import { axeViolations, overflow, settled } from './page-checks.js';
import { makeTown, makeUser } from '../helpers/factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** A phone in Arabic: 360×740, touch. */
async function phone() {
  const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return { context, page: await context.newPage() };
}

/** An alert of the town the job gave up on (the mail server kept refusing it). */
async function failedAlert(municipalityId: string, userId: string, reference: string) {
  const at = new Date(Date.now() - 3_600_000);
  return db.alertOutbox.create({
    data: {
      id: randomUUID(),
      municipalityId,
      userId,
      kind: 'assigned',
      entityType: 'Case',
      entityId: randomUUID(),
      reference,
      createdAt: at,
      nextAttemptAt: at,
      attempts: 6,
      failedAt: at,
      lastError: '451',
    },
  });
}

describe('the alerts page, in Arabic on a phone', () => {
  it('a social worker sets a kind of alert to the daily summary; the admin sees a failed alert and sends it again', async () => {
    const town = await makeTown(db);
    const worker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker', locale: 'ar' });
    const admin = await makeUser(db, { municipalityId: town.town.id, role: 'admin', locale: 'ar' });

    // The social worker: "a case assigned to me" in the daily summary.
    const mine = await phone();
    await world.signIn(mine.page, worker.email);
    await mine.page.waitForFunction(`document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'`);
    await mine.page.goto(`${world.base}/alerts`);
    await settled(mine.page);
    expect(await mine.page.locator('h1').textContent()).toBe('تنبيهاتي');
    const select = mine.page.locator('select#alert-assigned');
    expect(await mine.page.locator('label[for=alert-assigned]').textContent()).toBe('ملف أُسند إليّ');
    await select.selectOption('digest');
    const saved = answerOf(mine.page, 'alerts.setPreferences');
    await mine.page.getByTestId('alert-preferences').locator('button[type=submit]').click();
    await saved;
    await mine.page.getByText('حُفظت اختياراتك.').waitFor();
    const rows = await db.alertPreference.findMany({ where: { userId: worker.id }, select: { kind: true, mode: true } });
    expect(rows).toContainEqual({ kind: 'assigned', mode: 'digest' });
    expect(rows.filter((r) => r.mode !== 'immediate')).toEqual([{ kind: 'assigned', mode: 'digest' }]);
    expect(await overflow(mine.page)).toBeNull();
    expect(await axeViolations(mine.page)).toEqual([]);
    // Not the admin's: no delivery section.
    expect(await mine.page.getByTestId('failed-alerts').count()).toBe(0);
    await mine.context.close();

    // The admin: two alerts could not be sent; one is sent again from the page.
    const first = await failedAlert(town.town.id, worker.id, 'C-2026-0501');
    const second = await failedAlert(town.town.id, town.coordinator.id, 'C-2026-0502');
    const theirs = await phone();
    await world.signIn(theirs.page, admin.email);
    await theirs.page.goto(`${world.base}/alerts`);
    await settled(theirs.page);
    const table = theirs.page.getByTestId('failed-alerts');
    await table.waitFor();
    expect(await table.textContent()).toContain('C-2026-0501');
    expect(await overflow(theirs.page)).toBeNull();
    expect(await axeViolations(theirs.page)).toEqual([]);
    const retried = answerOf(theirs.page, 'alerts.retry');
    await theirs.page.getByRole('button', { name: 'إعادة إرسال التنبيه C-2026-0501' }).click();
    await retried;
    await theirs.page.getByTestId('alert-retried').getByText('سيُرسل التنبيه من جديد في الدورة التالية للإرسال.').waitFor();
    await expect.poll(() => table.textContent()).not.toContain('C-2026-0501');
    expect(await db.alertOutbox.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ failedAt: null, attempts: 0 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: admin.id, action: 'alert.retry', outcome: 'allowed' },
      select: { entityId: true },
    });
    expect(event.entityId).toBe(first.id);

    // Meanwhile the job sent the other: retrying it is refused in Arabic, and the earlier confirmation leaves the screen.
    await db.alertOutbox.update({ where: { id: second.id }, data: { failedAt: null, sentAt: new Date() } });
    await theirs.page.getByRole('button', { name: 'إعادة إرسال التنبيه C-2026-0502' }).click();
    await theirs.page.getByTestId('alert-retry-error').locator('.alert').waitFor();
    expect(await theirs.page.getByTestId('alert-retry-error').textContent()).toMatch(/[\u0600-\u06FF]/);
    expect(await theirs.page.getByTestId('alert-retried').locator('.alert').count()).toBe(0);
    expect(await db.alertOutbox.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ failedAt: null, attempts: 6 });
    await theirs.context.close();
    expect(cspViolations).toEqual([]);
  });
});
