import type { Page } from 'playwright-core';

/** Fills the new referral form (in Arabic) about a new person, with `concern` as the concern; returns the form. */
export async function fillReferral(page: Page, base: string, concern: string) {
  await page.goto(`${base}/referrals/new`);
  const form = page.getByTestId('referral-form');
  await form.locator('input[name="newPerson.nameArabic"]').fill('سامي التجريبي');
  await form.locator('input[name=birthYear]').fill('1990');
  // The municipality's own cohorts (modules/lists), by their Arabic label.
  await form.locator('select[name=cohortItemId]').selectOption({ label: 'شاب أو يافع' });
  await form.locator('select[name=source]').selectOption('school');
  await form.getByTestId('categories').locator('input[type=checkbox]').first().check();
  await form.locator('textarea[name="consent.scope"]').fill('المشاركة مع المدرسة لغرض الدعم');
  await form.locator('textarea[name=concernText]').fill(concern);
  return form;
}
