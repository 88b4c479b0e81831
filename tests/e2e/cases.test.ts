import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { testKeyring } from '../helpers/callers.js';
import { makeAgency, makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** Signs in on the sign-in page and waits for the home page. */
async function signIn(page: Page, email: string) {
  const form = page.getByTestId('sign-in-form');
  await form.waitFor();
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(TEST_PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('home-title').waitFor();
}

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor();
}

const localDate = (d: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(d);

/** The local calendar day `days` after `d`, as the pages write it. */
const localDayAfter = (d: Date, days: number) => {
  const later = new Date(d);
  later.setDate(later.getDate() + days);
  return localDate(later);
};

/** 15 this year: a possible minor (18 or under) by birth year alone, whatever the year the test runs in. */
const teenBirthYear = new Date().getUTCFullYear() - 15;

describe('from concern to case in a real browser', () => {
  it('a social worker refers a known person in Arabic; the coordinator accepts, assigns and discloses to a school; the school sees the summary only; the auditor sees it all', async () => {
    const { town, coordinator, auditor } = await makeTown(db);
    const socialWorker = await makeUser(db, { municipalityId: town.id, role: 'social_worker', locale: 'ar', displayName: 'ليلى الخطيب' });
    const school = await makeAgency(db, town.id, { name: 'Al-Nour Secondary School', kind: 'school' });
    const teacher = await makeUser(db, {
      municipalityId: town.id,
      role: 'agency_practitioner',
      agencyId: school.id,
      displayName: 'Samir Haddad',
    });
    // The social worker was key worker of this young person's earlier case, so she may see him.
    const person = await makePerson(db, town.id, { nameArabic: 'محمد الأمين', nameLatin: 'Mohamed El Amine', birthYear: teenBirthYear });
    const earlier = await makeReferral(db, testKeyring, {
      town,
      referrer: coordinator,
      person,
      status: 'accepted',
      submittedAt: new Date('2025-03-03T09:00:00Z'),
    });
    await db.case.update({ where: { id: earlier.case!.id }, data: { keyWorkerId: socialWorker.id, stage: 'follow_up' } });
    // A namesake she may not see: the form only says that a possible match exists.
    await makePerson(db, town.id, { nameArabic: 'محمد الامين', nameLatin: 'Mohammed Al Amin', birthYear: 1984 });

    const { context, page } = await world.newPage();
    await page.goto(`${world.base}/`);

    // 1. The social worker logs the referral in Arabic and picks the suggested match.
    await signIn(page, socialWorker.email);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    await page.locator('nav a[href="/referrals/new"]').click();
    const form = page.getByTestId('referral-form');
    await page.getByRole('heading', { name: 'إحالة جديدة' }).waitFor();
    await form.getByTestId('urgency').getByLabel('ذات أولوية').check();
    const matched = answerOf(page, 'people.match');
    await form.getByTestId('person-search').fill('محمد الامين');
    await matched;
    const candidate = form.getByTestId('candidate').filter({ hasText: 'Mohamed El Amine' });
    await candidate.waitFor();
    expect(await candidate.textContent()).toContain('محمد الأمين');
    // Why it is offered, in her language: the name as she typed it (hamza aside).
    expect(await candidate.getByTestId('match-reason').textContent()).toBe('الكتابة نفسها');
    await form.getByTestId('restricted-match').waitFor();
    await candidate.getByTestId('choose-candidate').click();
    await form.getByTestId('chosen-person').getByText('Mohamed El Amine').waitFor();
    // The municipality's first cohort item of her cohort is chosen.
    expect(await form.locator('select[name=cohortItemId] option:checked').textContent()).toBe('شاب أو يافع');
    await form.locator('select[name=source]').selectOption('school');
    await form.getByTestId('categories').getByLabel('سلوك في المدرسة').check();
    await form.getByTestId('categories').getByLabel('تطرّف عبر الإنترنت').check();
    await form.locator('textarea[name=concernText]').fill('يردد شعارات عنيفة في الصف منذ شهر، ويقضي الليل على منتديات متطرفة.');
    // About 15: consent comes from a guardian, and the form has chosen that already.
    expect(await form.locator('input[name="consent.by"][value=guardian]').isChecked()).toBe(true);
    await form.locator('textarea[name="consent.scope"]').fill('المشاركة مع المدرسة لغرض الدعم التربوي');
    // Saying the boy consented himself is refused by the server, in Arabic, at that field.
    await form.locator('input[name="consent.by"][value=person]').check();
    await form.locator('button[type=submit]').click();
    await form.getByText('قد يكون هذا الشخص دون 18 عامًا: يجب أن تصدر الموافقة عن أحد الوالدين أو الوصي.').waitFor();
    await form.locator('input[name="consent.by"][value=guardian]').check();
    const created = answerOf(page, 'referrals.create');
    await form.locator('button[type=submit]').click();
    await created;
    await page.getByTestId('referral-sent').getByRole('link', { name: 'عرض إحالاتي' }).click();
    const mine = page.getByTestId('my-referral').first();
    await mine.waitFor();
    expect(await mine.getAttribute('data-status')).toBe('submitted');
    expect(await mine.textContent()).toContain('بانتظار الفرز');
    await signOut(page);

    // 2. The coordinator screens it and accepts it: a case opens.
    await signIn(page, coordinator.email);
    await page.locator('nav a[href="/referrals/queue"]').click();
    const row = page.getByTestId('queue-row').filter({ hasText: 'Mohamed El Amine' });
    await row.getByTestId('open-referral').click();
    await page.getByTestId('concern-text').getByText('يردد شعارات عنيفة').waitFor();
    await page.getByTestId('decision').getByLabel('Accept: open a case').check();
    const screened = answerOf(page, 'referrals.screen');
    await page.getByTestId('decide').click();
    await screened;
    await page.getByTestId('open-case').click();
    const reference = (await page.getByTestId('case-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{4,}-\d{4}-\d{4}$/);
    expect(reference).not.toBe(earlier.case!.reference);

    // 3. Key worker, a summary, a note, and the disclosure of {summary, plan} to the school for 30 days.
    const assign = page.getByTestId('assign-form');
    await assign.locator('select[name=keyWorkerId]').selectOption({ label: 'ليلى الخطيب (Social worker)' });
    await assign.locator('button[type=submit]').click();
    await page.getByTestId('key-worker').getByText('ليلى الخطيب').waitFor();
    await page.getByTestId('edit-summary').click();
    await page.locator('[data-testid=summary-form] textarea[name=summary]').fill('Needs support to stay in school; family is cooperative.');
    await page.locator('[data-testid=summary-form] button[type=submit]').click();
    await page.getByTestId('summary-text').getByText('Needs support to stay in school').waitFor();
    await page
      .locator('[data-testid=note-form] textarea[name=body]')
      .fill('Father says the boy met an older recruiter at the mosque cafe.');
    await page.locator('[data-testid=note-form] button[type=submit]').click();
    await page.getByTestId('note').getByText('older recruiter').waitFor();
    const opened = new Date();
    await page.getByTestId('add-disclosure').click();
    const disclose = page.getByTestId('disclosure-form');
    await disclose.locator('select[name=agencyId]').selectOption({ label: 'Al-Nour Secondary School (School)' });
    // A purpose from the municipality's list (in English here), with a few words of the coordinator's own.
    await disclose.locator('select[name=purposeId] option').nth(1).waitFor({ state: 'attached' });
    await disclose.locator('select[name=purposeId]').selectOption({ label: 'Education and training' });
    await disclose.locator('input[name=purposeWords]').fill('education support');
    await disclose.getByTestId('disclosure-sections').getByLabel('Summary').check();
    await disclose.getByTestId('disclosure-sections').getByLabel('Support plan').check();
    await disclose.locator('select[name=legalBasis]').selectOption('consent');
    // On consent: the consent carried over from the referral (every purpose), for education.
    await disclose.locator('select[name=consentId] option').nth(1).waitFor({ state: 'attached' });
    await disclose.locator('select[name=consentId]').selectOption({ index: 1 });
    await disclose.locator('select[name=consentPurpose]').selectOption('education');
    const disclosed = answerOf(page, 'cases.disclose');
    await disclose.locator('button[type=submit]').click();
    await disclosed;
    // The form's default is 30 days from the day it opened, which midnight may have moved on from by
    // the grant: the stored date is 30 days after one of those two days, and the page shows it.
    const { expiresAt, createdAt } = await db.disclosure.findFirstOrThrow({
      where: { agencyId: school.id },
      select: { expiresAt: true, createdAt: true },
    });
    expect([localDayAfter(opened, 30), localDayAfter(createdAt, 30)]).toContain(localDate(expiresAt));
    const grant = page.getByTestId('disclosure').filter({ hasText: 'education support' });
    await grant.waitFor();
    expect(await grant.textContent()).toContain('Al-Nour Secondary School');
    expect(await grant.textContent()).toContain(localDate(expiresAt));
    expect(await grant.getAttribute('data-status')).toBe('live');
    await signOut(page);

    // 4. The school's practitioner opens the case: the summary, and no notes.
    await signIn(page, teacher.email);
    await page.locator('nav a[href="/cases"]').click();
    await page.getByTestId('case-row').getByRole('link', { name: reference }).click();
    await page.getByTestId('summary-text').getByText('Needs support to stay in school').waitFor();
    expect(await page.getByTestId('sections-shown').textContent()).toContain('Summary and Support plan');
    expect(await page.getByTestId('notes-section').count()).toBe(0);
    expect(await page.getByTestId('team-section').count()).toBe(0);
    expect(await page.getByTestId('workflow').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('older recruiter');
    await signOut(page);

    // 5. The auditor finds each of those steps in the audit log, and the school's view of the case.
    await signIn(page, auditor.email);
    await page.locator('nav a[href="/audit"]').click();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const filterBy = async (action: string) => {
      const answered = answerOf(page, 'audit.list');
      await page.getByTestId('audit-filters').locator('input[name=action]').fill(action);
      await page.getByTestId('audit-filters').locator('button[type=submit]').click();
      await answered;
    };
    const event = (action: string, actor: string) => rows.and(page.locator(`[data-action="${action}"]`)).filter({ hasText: actor });
    await filterBy('referral.');
    await event('referral.create', 'ليلى الخطيب').first().waitFor();
    expect(await event('referral.create', 'ليلى الخطيب').first().getByTestId('audit-action').textContent()).toBe('Referral logged');
    await event('referral.screen', 'Test coordinator').first().waitFor();
    await filterBy('case.');
    await event('case.assign', 'Test coordinator').first().waitFor();
    const disclosure = event('case.disclose', 'Test coordinator').first();
    // The audit log names the listed purpose's code, never the coordinator's free words.
    expect(await disclosure.textContent()).toContain('education');
    expect(await disclosure.textContent()).not.toContain('education support');
    const schoolRead = event('case.read', 'Samir Haddad').first();
    await schoolRead.waitFor();
    expect(await schoolRead.textContent()).toContain('summary');
    expect(await schoolRead.textContent()).not.toContain('notes');
    await filterBy('person.match');
    await event('person.match', 'ليلى الخطيب').first().waitFor();

    await context.close();
    expect(cspViolations).toEqual([]);
  }, 180_000);

  it('the coordinator closes an overdue referral with a minute and revokes a disclosure; the practitioner loses the case at once', async () => {
    const town = await makeTown(db);
    const { coordinator, practitioner, agency } = town;
    const old = await makeReferral(db, testKeyring, {
      town,
      referrer: town.socialWorker,
      urgency: 'immediate_danger',
      submittedAt: new Date(Date.now() - 20 * 86_400_000),
      person: await makePerson(db, town.town.id, { nameLatin: 'Youssef Synthetic' }),
    });
    const shared = await makeCase(db, town, { summary: 'Mentoring twice a week.', person: { nameLatin: 'Yusuf Synthetic' } });
    await makeDisclosure(db, shared, {
      agencyId: agency.id,
      sections: ['summary'],
      purpose: 'mentoring',
      expiresAt: new Date(Date.now() + 10 * 86_400_000),
      createdById: coordinator.id,
    });

    const { context, page } = await world.newPage();
    await page.goto(`${world.base}/`);
    await signIn(page, coordinator.email);
    // The dashboard counts the overdue referral; the queue marks it in words, not only in colour.
    await page.getByTestId('tile-overdue').locator('.tile-value').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('tile-overdue').click();
    const row = page.getByTestId('queue-row').filter({ hasText: 'Youssef Synthetic' });
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await row.getByTestId('overdue').textContent()).toBe('Overdue');
    expect(await row.textContent()).toContain('Immediate danger');
    await row.getByTestId('open-referral').click();
    await page.getByTestId('decision').getByLabel('Close without action').check();
    await page.getByTestId('screen-form').locator('select[name=closeReason]').selectOption('mistaken');
    await page.getByTestId('screen-form').locator('textarea[name=reason]').fill('The school confused two pupils with the same name.');
    await page.getByTestId('decide').click();
    const decision = page.getByTestId('decision-made');
    await decision.getByText('Mistaken referral').waitFor();
    expect(await decision.textContent()).toContain('Closed without action');
    expect(await decision.textContent()).toContain('The school confused two pupils');
    expect((await db.referral.findUniqueOrThrow({ where: { id: old.id } })).status).toBe('closed');

    await page.goto(`${world.base}/cases/${shared.id}`);
    const grant = page.getByTestId('disclosure').filter({ hasText: 'mentoring' });
    await grant.getByTestId('revoke').click();
    await grant.locator('input[name=reason]').fill('Mentoring ended');
    await grant.locator('[data-testid=revoke-form] button[type=submit]').click();
    await page.locator('[data-testid=disclosure][data-status=revoked]').getByText('Mentoring ended').waitFor();
    await signOut(page);

    await signIn(page, practitioner.email);
    await page.locator('nav a[href="/cases"]').click();
    await page.getByTestId('cases-table').getByText('No case matches.').waitFor();
    await page.goto(`${world.base}/cases/${shared.id}`);
    await page.getByRole('alert').getByText('Not found.').waitFor();
    expect(await page.getByTestId('summary-text').count()).toBe(0);

    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
