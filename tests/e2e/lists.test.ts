import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { overflow } from './page-checks.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe("the municipality's lists in the browser", () => {
  it('in Arabic, the admin adds a cohort and retires another; a social worker picks the new one on the referral form and reads it on the referral', async () => {
    const town = await makeTown(db);
    for (const user of [town.admin, town.socialWorker])
      await db.user.update({ where: { id: user.id }, data: { locale: 'ar' }, select: { id: true } });

    // 1. The admin: a new cohort item, counted as "young person", and the migrants' item retired.
    const { page, context } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/lists`);
    const cohorts = page.getByTestId('list-cohort');
    await cohorts.getByTestId('list-cohort-row').first().waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await cohorts.getByTestId('list-cohort-row').count()).toBe(5);
    await page.getByTestId('list-cohort-new').click();
    const form = page.getByTestId('list-cohort-create-form');
    await form.locator('select[name=code]').selectOption({ label: 'شاب أو يافع' });
    await form.locator('input[name=labelAr]').fill('تلميذ في المرحلة الثانوية');
    await form.locator('input[name=labelFr]').fill('Lycéen');
    await form.locator('input[name=labelEn]').fill('Secondary-school pupil');
    const created = answerOf(page, 'lists.create');
    await form.locator('button[type=submit]').click();
    await created;
    await page.getByText('أُضيف العنصر «تلميذ في المرحلة الثانوية».').waitFor();
    await cohorts.getByTestId('list-cohort-row').filter({ hasText: 'Lycéen' }).waitFor();
    const migrants = cohorts.getByTestId('list-cohort-row').filter({ hasText: 'مهاجر أو وافد جديد' });
    const retired = answerOf(page, 'lists.update');
    await migrants.getByRole('button', { name: 'سحب', exact: true }).click();
    await migrants.getByRole('button', { name: 'تأكيد: سحب' }).click();
    await retired;
    await migrants.getByText('مسحوب').waitFor();
    expect(await overflow(page)).toBeNull();
    const item = await db.listItem.findFirstOrThrow({
      where: { municipalityId: town.town.id, labelEn: 'Secondary-school pupil' },
      select: { id: true, list: true, code: true, retiredAt: true },
    });
    expect(item).toMatchObject({ list: 'cohort', code: 'youth', retiredAt: null });
    await context.close();

    // 2. The social worker: the new cohort is offered, the retired one is not; the referral keeps the item.
    const worker = await world.newPage();
    const p = worker.page;
    await world.signIn(p, town.socialWorker.email);
    await p.goto(`${world.base}/referrals/new`);
    const referral = p.getByTestId('referral-form');
    const cohort = referral.locator('select[name=cohortItemId]');
    await cohort.locator('option', { hasText: 'تلميذ في المرحلة الثانوية' }).waitFor({ state: 'attached' });
    expect(await cohort.textContent()).not.toContain('مهاجر أو وافد جديد');
    await referral.locator('input[name="newPerson.nameArabic"]').fill('سامي التجريبي');
    await referral.locator('input[name=birthYear]').fill('1990');
    await cohort.selectOption({ label: 'تلميذ في المرحلة الثانوية' });
    await referral.locator('select[name=source]').selectOption('school');
    await referral.getByTestId('categories').getByLabel('عزلة').check();
    await referral.locator('textarea[name="consent.scope"]').fill('المشاركة مع المدرسة لغرض الدعم');
    await referral.locator('textarea[name=concernText]').fill('مخاوف تجريبية: انعزال متزايد عن زملائه منذ أشهر.');
    const sent = answerOf(p, 'referrals.create');
    await referral.locator('button[type=submit]').click();
    await sent;
    await p.getByTestId('referral-sent').waitFor();
    const { id, ...made } = await db.referral.findFirstOrThrow({
      where: { municipalityId: town.town.id, referrerId: town.socialWorker.id },
      select: { id: true, cohort: true, cohortItemId: true, concernCategories: true },
    });
    expect(made).toEqual({
      cohort: 'youth',
      cohortItemId: item.id,
      concernCategories: ['isolation'],
    });

    // 3. The referral reads in the municipality's words.
    await p.goto(`${world.base}/referrals/${id}`);
    await p.getByTestId('referral').getByText('تلميذ في المرحلة الثانوية').waitFor();
    expect(cspViolations).toEqual([]);
    await worker.context.close();
  });
});
