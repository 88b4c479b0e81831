import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { assignments, leaverWithWork } from '../users/caseload-fixture.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('caseload handover in the browser', () => {
  it('an admin hands a leaver’s task to one colleague and the rest to another, then disables the account', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.socialWorker.id }, data: { displayName: 'Leaver Synthetic' } });
    const w = await leaverWithWork(db, town);
    // The fixture's dates are the manual clock's; this app runs on the real one.
    await db.disclosure.update({ where: { id: w.disclosure.id }, data: { expiresAt: new Date(Date.now() + 30 * 86_400_000) } });
    await db.user.update({ where: { id: w.colleague.id }, data: { displayName: 'Colleague Synthetic' } });
    const helper = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker', displayName: 'Helper Synthetic' });

    const { context, page } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/users`);
    const row = page.getByTestId('user-row').filter({ hasText: 'Leaver Synthetic' });
    await row.getByTestId('user-disable-open').click();
    const panel = page.getByTestId('caseload');
    await panel.getByTestId('caseload-item').first().waitFor();
    expect(await panel.getByTestId('caseload-item').count()).toBe(5);
    await panel.getByText(w.c.reference).first().waitFor();

    // With work left, disabling wants the coordinator who will pick it up: the browser asks for the choice.
    expect(await page.getByTestId('disable-form').locator('select[name=pickUpConfirmedBy]').getAttribute('required')).not.toBeNull();

    // The task, to one colleague; the case is not offered to the practitioner (not a key-worker role).
    const caseRow = panel.locator('[data-testid=caseload-item][data-kind=case]');
    const offered = await caseRow.locator('option').allTextContents();
    expect(offered.some((o) => o.includes('Colleague Synthetic'))).toBe(true);
    expect(offered.some((o) => o.includes('agency_practitioner'))).toBe(false);
    const taskRow = panel.locator('[data-testid=caseload-item][data-kind=task]');
    await taskRow.locator('select[name=toUserId]').selectOption(helper.id);
    const one = answerOf(page, 'users.handover');
    await taskRow.getByRole('button', { name: 'Hand over' }).click();
    await one;
    await expect.poll(() => panel.getByTestId('caseload-item').count()).toBe(4);

    // Everything else, to another.
    const all = panel.getByTestId('handover-all');
    await all.locator('select[name=toUserId]').selectOption(w.colleague.id);
    const rest = answerOf(page, 'users.handover');
    await all.getByRole('button', { name: 'Hand over everything' }).click();
    await rest;
    await panel.getByText('Nothing is assigned to this account.').waitFor();
    expect(await assignments(db, w)).toMatchObject({ case: w.colleague.id, intervention: w.colleague.id, task: helper.id });

    const disabled = answerOf(page, 'users.disable');
    await page.getByTestId('disable-submit').click();
    await disabled;
    await row.getByText('Disabled').waitFor();
    expect((await db.user.findUniqueOrThrow({ where: { id: w.leaver.id } })).disabledAt).toBeInstanceOf(Date);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('an admin disables a leaver with work left, naming the coordinator; the coordinator hands it over from the Handover page', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.socialWorker.id }, data: { displayName: 'Leaver Synthetic' } });
    await db.user.update({ where: { id: town.coordinator.id }, data: { displayName: 'Coordinator Synthetic' } });
    const w = await leaverWithWork(db, town);
    await db.user.update({ where: { id: w.colleague.id }, data: { displayName: 'Colleague Synthetic' } });
    await db.disclosure.update({ where: { id: w.disclosure.id }, data: { expiresAt: new Date(Date.now() + 30 * 86_400_000) } });

    const admin = await world.newPage();
    await world.signIn(admin.page, town.admin.email);
    await admin.page.goto(`${world.base}/admin/users`);
    const row = admin.page.getByTestId('user-row').filter({ hasText: 'Leaver Synthetic' });
    await row.getByTestId('user-disable-open').click();
    const form = admin.page.getByTestId('disable-form');
    await form.locator('select[name=pickUpConfirmedBy]').selectOption(town.coordinator.id);
    const disabled = answerOf(admin.page, 'users.disable');
    await form.getByTestId('disable-submit').click();
    await disabled;
    await row.getByText('Disabled').waitFor();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.disable', entityId: w.leaver.id, outcome: 'allowed' } });
    expect(event.detail).toMatchObject({ pickUpConfirmedBy: town.coordinator.id });
    await admin.context.close();

    const { context, page } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.getByRole('link', { name: 'Handover' }).first().click();
    const leaver = page.getByTestId('caseload-row').filter({ hasText: 'Leaver Synthetic' });
    await leaver.getByText('Disabled').waitFor();
    await leaver.getByTestId('caseload-open').click();
    const panel = page.getByTestId('caseload');
    await panel.getByTestId('caseload-item').first().waitFor();
    // A coordinator hands over; disabling stays the admin's.
    expect(await page.getByTestId('disable-form').count()).toBe(0);
    const all = panel.getByTestId('handover-all');
    await all.locator('select[name=toUserId]').selectOption(w.colleague.id);
    const moved = answerOf(page, 'users.handover');
    await all.getByRole('button', { name: 'Hand over everything' }).click();
    await moved;
    // Nothing left: the leaver leaves the list; the colleague now holds it.
    await leaver.waitFor({ state: 'detached' });
    await page.getByTestId('caseload-row').filter({ hasText: 'Colleague Synthetic' }).waitFor();
    expect(await assignments(db, w)).toMatchObject({ case: w.colleague.id, intervention: w.colleague.id, task: w.colleague.id });
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
