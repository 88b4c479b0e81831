import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserWorld } from './browser.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

async function signIn(page: Page, email: string, password: string) {
  const form = page.getByTestId('sign-in-form');
  await form.waitFor();
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
}

const html = (page: Page, dir: 'rtl' | 'ltr', lang: string) =>
  page.locator(`html[dir="${dir}"][lang="${lang}"]`).waitFor({ state: 'attached' });

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent())?.trim() ?? '';

describe('the foundation journey in a real browser', () => {
  it('admin (Arabic) creates an agency and a user; the user replaces the one-time password; the auditor verifies the log', async () => {
    const { town, auditor } = await makeTown(db);
    const admin = await makeUser(db, { municipalityId: town.id, role: 'admin', locale: 'ar', displayName: 'سلمى الحداد' });
    const { context, page } = await world.newPage();

    // Sign-in: a wrong password is refused with a translated message, then the admin signs in in Arabic.
    await page.goto(`${world.base}/`);
    await signIn(page, admin.email, 'not the password at all');
    await page
      .getByTestId('sign-in-error')
      .getByText(/the password is not correct, or the account is locked for 15 minutes/)
      .waitFor();
    await signIn(page, admin.email, TEST_PASSWORD);
    await html(page, 'rtl', 'ar');
    await page.getByTestId('home-title').getByText('مرحبًا، سلمى الحداد').waitFor();
    expect(await text(page, '[data-testid=municipality]')).toBe(town.name);
    expect(await page.getByRole('navigation').textContent()).toContain('الجهات الشريكة');

    // Admin › Agencies: create one.
    const agencyName = `مركز شباب الحي ${Date.now() % 10_000}`;
    await page.locator('a[href="/admin/agencies"]').first().click();
    await page.getByTestId('new-agency').click();
    const agencyForm = page.getByTestId('agency-create-form');
    await agencyForm.locator('input[name=name]').fill(agencyName);
    await agencyForm.locator('select[name=kind]').selectOption('youth');
    await agencyForm.locator('button[type=submit]').click();
    const agencyRow = page.getByTestId('agency-row').filter({ hasText: agencyName });
    await agencyRow.waitFor();
    expect(await agencyRow.textContent()).toContain('مركز شباب');

    // Admin › Users: create a practitioner of that agency and read the one-time password.
    const email = `practitioner.${Date.now()}@e2e.jisr.local`;
    await page.locator('a[href="/admin/users"]').first().click();
    await page.getByTestId('new-user').click();
    const userForm = page.getByTestId('user-create-form');
    await userForm.locator('input[name=email]').fill(email);
    await userForm.locator('input[name=displayName]').fill('Karim Practitioner');
    await userForm.locator('select[name=role]').selectOption('agency_practitioner');
    await userForm.locator('select[name=agencyId]').selectOption({ label: agencyName });
    await userForm.locator('button[type=submit]').click();
    const oneTimePassword = (await page.getByTestId('otp-value').textContent())?.trim() ?? '';
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await page.getByTestId('user-row').filter({ hasText: email }).getByText('يجب تغيير كلمة المرور').waitFor();
    await signOut(page);

    // The new user must replace the one-time password before anything else.
    await signIn(page, email, oneTimePassword);
    await page.getByTestId('forced-explanation').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    // They are told who created the account; they can mark it read only once the password is theirs.
    await page.getByTestId('account-notice').getByText('أنشأ سلمى الحداد حسابك').waitFor();
    expect(await page.getByTestId('dismiss-notice').count()).toBe(0);
    const change = page.getByTestId('change-password-form');
    const newPassword = 'olive lantern harbour 42';
    await change.locator('input[name=currentPassword]').fill(oneTimePassword);
    await change.locator('input[name=newPassword]').fill(newPassword);
    await change.locator('input[name=confirmPassword]').fill('olive lantern harbour 24');
    await change.locator('button[type=submit]').click();
    await change.getByText('كلمتا المرور غير متطابقتين.').waitFor();
    // The server's own refusal appears at its field: the new password may not be the old one.
    await change.locator('input[name=newPassword]').fill(oneTimePassword);
    await change.locator('input[name=confirmPassword]').fill(oneTimePassword);
    await change.locator('button[type=submit]').click();
    await change.getByText('يجب أن تختلف عن كلمة المرور الحالية.').waitFor();
    await change.locator('input[name=newPassword]').fill(newPassword);
    await change.locator('input[name=confirmPassword]').fill(newPassword);
    await change.locator('button[type=submit]').click();
    await page.getByTestId('home-title').getByText('Karim Practitioner').waitFor();
    expect(await page.getByTestId('forced-explanation').count()).toBe(0);
    await page.getByTestId('dismiss-notice').click();
    await page.getByTestId('account-notice').waitFor({ state: 'detached' });
    await signOut(page);

    // The auditor picks French on the sign-in page, and sees the admin's work in the audit log.
    await page.getByTestId('language').selectOption('fr');
    await html(page, 'ltr', 'fr');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await signIn(page, auditor.email, TEST_PASSWORD);
    await page.getByTestId('home-title').waitFor();
    await html(page, 'ltr', 'fr');
    await page.locator('a[href="/audit"]').first().click();
    // The practitioner's account, made by an admin who saw its one-time password, is flagged.
    const flag = page.getByTestId('flag-row').filter({ hasText: 'Karim Practitioner' });
    await flag.waitFor();
    expect(await flag.textContent()).toContain('Compte créé');
    expect(await flag.textContent()).toContain('سلمى الحداد');
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const actionLabel = (action: string) =>
      rows
        .and(page.locator(`[data-action="${action}"]`))
        .first()
        .getByTestId('audit-action');
    expect(await actionLabel('agency.create').textContent()).toBe('Organisme créé');
    expect(await actionLabel('user.create').textContent()).toBe('Utilisateur créé');
    expect(await actionLabel('auth.changePassword').textContent()).toBe('Mot de passe changé');
    const deniedLogin = rows.and(page.locator('[data-action="auth.login"]')).filter({ hasText: 'Refusé' });
    expect(await deniedLogin.count()).toBeGreaterThan(0);

    await page.getByTestId('verify').click();
    const verdict = page.getByTestId('verify-result').locator('[data-state]');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-state')).toBe('intact');
    expect(await verdict.textContent()).toMatch(/Événements vérifiés : \d+\. La chaîne est intacte\./);

    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);

  it('shows markup typed into a name as text, and asks to sign in again over the page when the session has ended', async () => {
    const { admin } = await makeTown(db);
    const { context, page } = await world.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    const name = `<img src=x onerror=alert(1)> & <script>alert(2)</script>`;
    await page.goto(`${world.base}/admin/agencies`);
    await signIn(page, admin.email, TEST_PASSWORD);
    await page.getByTestId('new-agency').click();
    const form = page.getByTestId('agency-create-form');
    await form.locator('input[name=name]').fill(name);
    await form.locator('button[type=submit]').click();
    const cell = page.getByTestId('agency-row').locator('td.name', { hasText: '<img src=x' });
    await cell.waitFor();
    expect(await cell.textContent()).toBe(name);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toBe(0);

    // The session ends on the server (here: as if an administrator disabled it); the next request
    // asks the user to sign in again over the page (nothing typed is lost), the account already filled in.
    await db.session.updateMany({ where: { userId: admin.id, endedAt: null }, data: { endedAt: new Date(), endReason: 'e2e' } });
    await page.locator('a[href="/admin/users"]').first().click();
    const again = page.getByTestId('sign-in-again');
    await again.waitFor();
    expect(await again.locator('input[name=email]').inputValue()).toBe(admin.email);
    expect(await again.locator('input[name=password]').inputValue()).toBe('');
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
