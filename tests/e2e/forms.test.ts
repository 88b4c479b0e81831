import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Idempotency-Key header of the next call of one procedure (null when it has none). */
const keyOf = (page: Page, path: string) =>
  page.waitForRequest((req) => new URL(req.url()).pathname === `/trpc/${path}`).then((req) => req.headers()['idempotency-key'] ?? null);

// The form kit (lib/form.ts, components/FormActions.tsx, components/Toggle.tsx) where no other browser test goes.
describe('the form kit in the browser', () => {
  it('admin: a create form sends its idempotency key and empties; an edit row opens, cancels and saves; the on/off switches', async () => {
    const town = await makeTown(db);
    const { page, context } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/agencies`);

    const toggle = page.getByTestId('new-agency');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const create = page.getByTestId('agency-create-form');
    await create.locator('input[name=name]').fill('Synthetic youth club');
    const key = keyOf(page, 'agencies.create');
    const created = answerOf(page, 'agencies.create');
    await create.locator('button[type=submit]').click();
    expect(await key).toMatch(UUID);
    await created;
    await page.getByText('Agency Synthetic youth club added.').waitFor();
    expect(await create.locator('input[name=name]').inputValue()).toBe('');

    const row = page.getByTestId('agency-row').filter({ hasText: 'Synthetic youth club' });
    const edit = row.getByRole('button', { name: 'Edit' });
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('agency-edit-form').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('agency-edit-form').waitFor({ state: 'detached' });
    expect(await edit.getAttribute('aria-expanded')).toBe('false');
    await edit.click();
    await page.getByTestId('agency-edit-form').locator('input[name=name]').fill('Synthetic sports club');
    const updated = answerOf(page, 'agencies.update');
    await page.getByTestId('agency-edit-form').locator('button[type=submit]').click();
    await updated;
    await page.getByTestId('agency-edit-form').waitFor({ state: 'detached' });
    const renamed = page.getByTestId('agency-row').filter({ hasText: 'Synthetic sports club' });
    await renamed.waitFor();

    // Off asks first; on does not.
    await renamed.getByRole('button', { name: 'Deactivate' }).click();
    await renamed.getByRole('button', { name: 'Confirm: Deactivate' }).click();
    await renamed.getByText('Inactive').waitFor();
    await renamed.getByRole('button', { name: 'Reactivate' }).click();
    await renamed.getByText('Active', { exact: true }).waitFor();

    await page.goto(`${world.base}/admin/users`);
    const user = page.getByTestId('user-row').filter({ hasText: town.practitioner.email });
    // Disabling opens the account's caseload first (nothing assigned here), then disables.
    await user.getByRole('button', { name: 'Disable' }).click();
    await page.getByTestId('caseload').getByText('Nothing is assigned to this account.').waitFor();
    const disabled = answerOf(page, 'users.disable');
    await page.getByTestId('disable-submit').click();
    await disabled;
    await user.getByText('Disabled').waitFor();
    const enabled = answerOf(page, 'users.enable');
    await user.getByRole('button', { name: 'Enable' }).click();
    await enabled;
    await user.getByText('Disabled').waitFor({ state: 'detached' });

    // users.create takes no key: its answer, a one-time password, is not kept.
    await page.getByTestId('new-user').click();
    const newUser = page.getByTestId('user-create-form');
    await newUser.locator('input[name=email]').fill('synthetic.newcomer@example.test');
    await newUser.locator('input[name=displayName]').fill('Synthetic Newcomer');
    const none = keyOf(page, 'users.create');
    await newUser.locator('button[type=submit]').click();
    expect(await none).toBeNull();
    await page.getByText('One-time password for synthetic.newcomer@example.test').waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('coordinator: a stage change, a consent withdrawal asked twice, attendance, a minute and its correction', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'intake' });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);

    await page.goto(`${world.base}/cases/${c.id}`);
    const stage = page.getByTestId('stage-form');
    await stage.locator('input[name=reason]').fill('Synthetic reason: the family agreed to an assessment.');
    const changed = answerOf(page, 'cases.changeStage');
    await stage.getByRole('button', { name: 'Change the stage' }).click();
    await changed;
    await stage.getByText('The stage was changed.').waitFor();

    const withdraw = page.getByTestId('withdraw-form');
    await withdraw.locator('textarea[name=note]').fill('Synthetic note: the guardian called.');
    await withdraw.getByRole('button', { name: 'Withdraw consent' }).click();
    const withdrawn = answerOf(page, 'consent.withdraw');
    await withdraw.getByRole('button', { name: 'Confirm: Withdraw consent' }).click();
    await withdrawn;
    await withdraw.waitFor({ state: 'detached' });

    await page.goto(`${world.base}/meetings/${meeting.id}`);
    const attendance = page.getByTestId('attendance');
    await attendance.locator('input[name=present]').check();
    const recorded = answerOf(page, 'meetings.recordAttendance');
    await attendance.getByTestId('save-attendance').click();
    await recorded;
    await attendance.getByText('Attendance saved.').waitFor();

    const minute = page.getByTestId('minute-form');
    await minute.locator('textarea[name=body]').fill('Synthetic minute: the panel met.');
    const key = keyOf(page, 'meetings.addMinute');
    const added = answerOf(page, 'meetings.addMinute');
    await minute.getByRole('button', { name: 'Add to the minutes' }).click();
    expect(await key).toMatch(UUID);
    await added;
    await page.getByTestId('minute').filter({ hasText: 'Synthetic minute: the panel met.' }).waitFor();
    expect(await minute.locator('textarea[name=body]').inputValue()).toBe('');

    await page.getByTestId('correct-minute').click();
    const correction = page.getByTestId('correction-form');
    await correction.locator('textarea[name=body]').fill('Synthetic correction: the panel met at ten.');
    const corrected = answerOf(page, 'meetings.addMinute');
    await correction.getByRole('button', { name: 'Add the correction' }).click();
    await corrected;
    await correction.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('minute').count()).toBe(2);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});

// Issue 15: the app's own words beside the field (never the browser's bubbles), confirmations that stay,
// errors that go once the field is edited, and a disclosure without a section said as such.
describe("the form kit's own checks", () => {
  /** The calls to one procedure the page makes from now on. */
  const callsTo = (page: Page, path: string) => {
    const seen: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === `/trpc/${path}`) seen.push(req.method());
    });
    return seen;
  };

  it('sign-in in Arabic: empty fields get the translated message beside them, nothing is sent, the focus goes to the first', async () => {
    const { page, context } = await world.newPage();
    await page.goto(`${world.base}/sign-in`);
    await page.getByTestId('language').selectOption('ar');
    await page.locator('html[lang=ar]').waitFor();
    const form = page.getByTestId('sign-in-form');
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    const logins = callsTo(page, 'auth.login');
    await form.locator('button[type=submit]').click();
    const email = form.locator('input[name=email]');
    await form.locator('.field-error').first().waitFor();
    expect(await form.locator('.field-error').allTextContents()).toEqual(['هذا الحقل مطلوب.', 'هذا الحقل مطلوب.']);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // A malformed address is the app's "format" message, not the browser's.
    await email.fill('not-an-address');
    // Editing a field takes its old error away at once; the other field's stays until the next try.
    expect(await form.locator('.field-error').count()).toBe(1);
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    await form.locator('input[name=password]').fill('whatever-long-enough');
    await form.locator('button[type=submit]').click();
    await form.getByText('الصيغة غير صحيحة.').waitFor();
    expect(logins).toEqual([]);
    await context.close();
  }, 60_000);

  it('admin: a required field left empty is said beside it and goes once filled; the confirmation stays while the next is typed', async () => {
    const town = await makeTown(db);
    const { page, context } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/agencies`);
    await page.getByTestId('new-agency').click();
    const create = page.getByTestId('agency-create-form');
    const creates = callsTo(page, 'agencies.create');
    await create.locator('button[type=submit]').click();
    await create.locator('.field-error').getByText('This field is required.').waitFor();
    expect(creates).toEqual([]);

    await create.locator('input[name=name]').fill('Synthetic reading room');
    expect(await create.locator('.field-error').count()).toBe(0);
    const created = answerOf(page, 'agencies.create');
    await create.locator('button[type=submit]').click();
    await created;
    const confirmation = page.getByText('Agency Synthetic reading room added.');
    await confirmation.waitFor();
    // Typing the next one does not take the confirmation away.
    await create.locator('input[name=name]').fill('S');
    expect(await confirmation.isVisible()).toBe(true);
    await create.locator('input[name=name]').fill('');
    await create.locator('button[type=submit]').click();
    await create.locator('.field-error').getByText('This field is required.').waitFor();
    expect(creates).toEqual(['POST']);
    await context.close();
  }, 60_000);

  it('coordinator: a malformed case reference in the filters is said beside the field, and the list is not asked', async () => {
    const town = await makeTown(db);
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases`);
    const filters = page.getByTestId('case-filters');
    expect(await filters.getAttribute('novalidate')).not.toBeNull();
    const lists: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/trpc/cases.list') lists.push(req.url());
    });
    const reference = filters.locator('input[name=reference]');
    await reference.fill('no spaces!');
    await filters.locator('button[type=submit]').click();
    await filters.locator('.field-error').getByText('The format is not valid.').waitFor();
    expect(await reference.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await reference.fill('JO-2026');
    expect(await filters.locator('.field-error').count()).toBe(0);
    expect(lists).toEqual([]);
    await context.close();
  }, 60_000);

  it('coordinator: a disclosure without a section says to choose one, and nothing is sent', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'intake' });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    await page.getByTestId('add-disclosure').click();
    const form = page.getByTestId('disclosure-form');
    const discloses = callsTo(page, 'cases.disclose');
    await form.locator('button[type=submit]').click();
    const sections = page.getByTestId('disclosure-sections');
    await sections.getByText('Choose at least one.').waitFor();
    expect(await sections.textContent()).not.toContain('Too short');
    // Ticking a section takes that error away before the next try.
    await sections.locator('input[type=checkbox]').first().check();
    expect(await sections.getByText('Choose at least one.').count()).toBe(0);
    expect(discloses).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 60_000);
});
