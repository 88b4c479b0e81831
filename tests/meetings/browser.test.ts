import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from '../e2e/browser.js';
import { makeTown } from '../helpers/factories.js';
import { openStored } from '../helpers/crypto.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeInterventionType } from '../helpers/list-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const signIn = (page: Page, email: string) => world.signIn(page, email);

describe('a panel meeting in the browser', () => {
  it('the coordinator schedules it and records a decision with dissent, a task and an intervention of the town’s own type; the practitioner sees only their case', async () => {
    const town = await makeTown(db);
    const week = new Date(Date.now() + 7 * 86_400_000);
    const football = await makeInterventionType(db, town.town.id, 'sport_youth', 'Synthetic street football');
    const shared = await makeCase(db, town, { stage: 'intervention', summary: 'Synthetic summary shared with the youth centre.' });
    const hidden = await makeCase(db, town, { stage: 'review', summary: 'Synthetic summary nobody shared.' });
    await makeDisclosure(db, shared, {
      agencyId: town.agency.id,
      sections: ['summary'],
      createdById: town.coordinator.id,
      expiresAt: week,
    });

    const { page, context } = await world.newPage();
    await signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/meetings`);
    await page.getByTestId('schedule-meeting').click();
    const form = page.getByTestId('meeting-form');
    await form.locator('input[name=title]').fill('Monthly prevention panel');
    await form.locator('input[name=scheduledAt]').fill('2026-03-04T10:00');
    await form.locator('input[name=location]').fill('Town hall');
    await form.locator(`input[name=caseIds][value="${shared.id}"]`).check();
    await form.locator(`input[name=caseIds][value="${hidden.id}"]`).check();
    await form.locator(`input[name=agencyIds][value="${town.agency.id}"]`).check();
    const scheduled = answerOf(page, 'meetings.schedule');
    await form.locator('button[type=submit]').click();
    await scheduled;
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = page.url();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(2);

    const item = page.locator(`[data-testid=agenda-item][data-case="${hidden.reference}"]`);
    await item.getByTestId('decide').click();
    const decision = item.getByTestId('decision-form');
    await decision.locator('select[name=decision]').selectOption('escalate');
    await decision.locator('input[name=consensus]').uncheck();
    await decision.locator('textarea[name=dissent]').fill('Synthetic dissent: the school asked to wait.');
    await decision.getByTestId('add-action-task').click();
    await decision.locator('input[name="tasks.0.title"]').fill('Call the family');
    // The intervention's type among the town's own, by its words.
    await decision.getByTestId('add-action-intervention').click();
    await decision.locator('select[name="interventions.0.typeItemId"]').selectOption({ label: 'Synthetic street football' });
    await decision.locator('input[name="interventions.0.title"]').fill('Synthetic Saturday league');
    await decision.locator('select[name="interventions.0.agencyId"]').selectOption(town.agency.id);
    const decided = answerOf(page, 'meetings.decide');
    await decision.getByTestId('submit-decision').click();
    await decided;
    await item.getByTestId('dissent').filter({ hasText: 'the school asked to wait' }).waitFor();
    const tasks = await db.caseTask.findMany({ where: { caseId: hidden.id }, select: { id: true, title: true } });
    expect(await Promise.all(tasks.map((t) => openStored(db, `case_task.title/${t.id}`, t.title)))).toEqual(['Call the family']);
    expect(await db.intervention.findMany({ where: { caseId: hidden.id }, select: { type: true, typeItemId: true } })).toEqual([
      { type: 'sport_youth', typeItemId: football.id },
    ]);
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toBe('Held');
    await context.close();

    const partner = await world.newPage();
    await signIn(partner.page, town.practitioner.email);
    await partner.page.goto(meetingUrl);
    await partner.page.getByTestId('agenda-item').first().waitFor();
    const items = partner.page.getByTestId('agenda-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-case')).toBe(shared.reference);
    const body = await partner.page.locator('main').textContent();
    expect(body).toContain('Synthetic summary shared with the youth centre.');
    expect(body).not.toContain(hidden.reference);
    expect(body).not.toContain('the school asked to wait');
    expect(await partner.page.getByTestId('decision-form').count()).toBe(0);
    // In Arabic the page turns right-to-left and speaks Arabic.
    await partner.page.getByTestId('language').selectOption('ar');
    await partner.page.locator('html[dir=rtl]').waitFor();
    await partner.page.locator('#agenda-title', { hasText: 'جدول الأعمال' }).waitFor();
    expect(cspViolations).toEqual([]);
    await partner.context.close();
  }, 180_000);
});
