import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from '../e2e/browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { sweepAt } from '../helpers/work-factories.js';
import { addMonthsIn } from '../../src/shared/days.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const signIn = (page: Page, email: string) => world.signIn(page, email);

describe('reviews, my work and closure in the browser', () => {
  it('the key worker finds the overdue review in My work and records it; the coordinator closes the case with a reason and a 6-month follow-up', async () => {
    const town = await makeTown(db);
    // Opened in January: its review (90 days later) is overdue on the real clock this test runs on.
    const c = await makeCase(db, town, { stage: 'review' });
    await sweepAt(db, town.town.id, new Date());

    const keyWorker = await world.newPage();
    await signIn(keyWorker.page, town.socialWorker.email);
    await keyWorker.page.getByRole('link', { name: 'My work' }).first().click();
    const item = keyWorker.page.getByTestId('work-now').locator('[data-testid=work-item][data-kind=review_overdue]');
    await item.waitFor();
    expect(await item.textContent()).toContain(c.reference);
    await item.getByRole('link').click();
    const review = keyWorker.page.getByTestId('review-form');
    await review.getByTestId('next-review').getByText('Overdue').waitFor();
    await review.locator('input[name=note]').fill('Back at school, family engaged');
    const recorded = answerOf(keyWorker.page, 'cases.recordReview');
    await review.locator('button[type=submit]').click();
    await recorded;
    await review.getByText('Review recorded.').waitFor();
    await keyWorker.page.getByTestId('timeline').locator('[data-kind=review]').waitFor();
    await keyWorker.page.goto(`${world.base}/work`);
    await keyWorker.page.getByTestId('work-now').getByText('Nothing is due for you.').waitFor();
    // The key worker may not close the case.
    expect(await keyWorker.page.getByTestId('close-form').count()).toBe(0);
    await keyWorker.context.close();

    const coordinator = await world.newPage();
    await signIn(coordinator.page, town.coordinator.email);
    await coordinator.page.goto(`${world.base}/cases/${c.id}`);
    const close = coordinator.page.getByTestId('close-form');
    // The city's own closure-reason list: the item is chosen by its label, its core code goes with it.
    await close.locator('select[name=closureItemId]').selectOption({ label: 'Risk reduced' });
    await close.locator('input[name=followUpMonths]').fill('6');
    await close.getByRole('button', { name: 'Close the case' }).click();
    // The first press only asks; the second confirms.
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { stage: true } })).toEqual({ stage: 'review' });
    const closed = answerOf(coordinator.page, 'cases.close');
    await close.getByRole('button', { name: /Confirm/ }).click();
    await closed;
    await coordinator.page.getByTestId('closure-reason').getByText('Closed: Risk reduced').waitFor();
    await coordinator.page.getByTestId('follow-up').waitFor();
    const row = await db.case.findUniqueOrThrow({
      where: { id: c.id },
      select: { stage: true, closureReason: true, closedAt: true, followUpAt: true },
    });
    // Six months from the day of closing in Amman (the town's zone), which midnight may have moved on from by now.
    expect(row).toEqual({
      stage: 'closed',
      closureReason: 'risk_reduced',
      closedAt: expect.any(Date),
      followUpAt: addMonthsIn(row.closedAt!, 'Asia/Amman', 6),
    });
    expect(cspViolations).toEqual([]);
    await coordinator.context.close();
  }, 120_000);

  it('the admin changes the review interval on the settings page', async () => {
    const town = await makeTown(db);
    const admin = await world.newPage();
    await signIn(admin.page, town.admin.email);
    await admin.page.getByRole('link', { name: 'Settings' }).first().click();
    const form = admin.page.getByTestId('settings-form');
    await form.locator('input[name=reviewIntervalDays]').fill('60');
    const saved = answerOf(admin.page, 'work.updateSettings');
    await form.locator('button[type=submit]').click();
    await saved;
    await form.getByText('Settings saved.').waitFor();
    expect(
      await db.municipality.findUniqueOrThrow({
        where: { id: town.town.id },
        select: { reviewIntervalDays: true, screeningSlaDays: true },
      }),
    ).toEqual({
      reviewIntervalDays: 60,
      screeningSlaDays: 5,
    });
    expect(cspViolations).toEqual([]);
    await admin.context.close();
  }, 120_000);
});
