import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { testKeyring } from '../helpers/callers.js';
import { fillReferral } from './referral-form.js';
import { makeCase } from '../helpers/case-factories.js';
import { openSafeContact } from '../../src/modules/people/safe-contact.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe("a new person's details on the referral form (Arabic, 360 px)", () => {
  it('a refused age is said beside its field in Arabic; then languages, father’s name and the safe contact are saved with the person', async () => {
    const { socialWorker } = await makeTown(db);
    await db.user.update({ where: { id: socialWorker.id }, data: { locale: 'ar' }, select: { id: true } });
    const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await world.signIn(page, socialWorker.email);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    const form = await fillReferral(page, world.base, 'قلق تجريبي: انسحب الفتى من أصدقائه وصار يردد شعارات سمعها على الإنترنت.');
    const details = form.getByTestId('person-details');
    await details.locator('input[name="newPerson.fatherName"]').fill('صالح');
    await details.locator('input[name="newPerson.locality"]').fill('حي تجريبي');
    await details.getByTestId('person-languages').locator('input[value=ar]').check();
    await details.getByTestId('person-languages').locator('input[value=fr]').check();
    await details.locator('select[name="newPerson.safeContact.channel"]').selectOption('through_guardian');
    await details.locator('textarea[name="newPerson.safeContact.doNotTell"]').fill('ابن العم');
    await details.locator('input[name="newPerson.safeContact.phoneShared"]').check();
    // The form already has a year of birth: an age beside it contradicts it, and nothing is sent.
    await details.locator('input[name="newPerson.estimatedAge"]').fill('15');
    await form.locator('button[type=submit]').click();
    const ageField = details.locator('.field', { has: page.locator('input[name="newPerson.estimatedAge"]') });
    await ageField.locator('.field-error').getByText('لا يُذكر العمر التقريبي إلا عند جهل سنة الميلاد وتاريخه.').waitFor();
    expect(await db.referral.count({ where: { referrerId: socialWorker.id } })).toBe(0);

    await details.locator('input[name="newPerson.estimatedAge"]').fill('');
    const created = answerOf(page, 'referrals.create');
    await form.locator('button[type=submit]').click();
    await created;
    const referral = await db.referral.findFirstOrThrow({
      where: { referrerId: socialWorker.id },
      select: { person: { select: { id: true, fatherName: true, locality: true, languages: true, safeContact: true } } },
    });
    expect(referral.person).toMatchObject({ fatherName: 'صالح', locality: 'حي تجريبي', languages: ['ar', 'fr'] });
    expect(await openSafeContact({ db, keyring: testKeyring }, referral.person.id, referral.person.safeContact)).toEqual({
      channel: 'through_guardian',
      phoneShared: true,
      doNotTell: 'ابن العم',
    });
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('the coordinator records a safe way to reach the person from the case page; "Before you call" shows it, the history keeps it', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameArabic: 'ليلى التجريبية' } });
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const before = page.getByTestId('contact-section');
    await before.getByTestId('no-safe-contact').waitFor();
    const changes = page.getByTestId('case-changes');
    await changes.getByTestId('correct-person').click();
    const form = changes.getByTestId('correct-person-form');
    await form.locator('select[name="safeContact.channel"]').selectOption('in_person');
    await form.locator('textarea[name="safeContact.doNotTell"]').fill('الخال');
    await form.getByTestId('person-languages').locator('input[value=ar]').check();
    const saved = answerOf(page, 'people.correct');
    await form.locator('button[type=submit]').click();
    await saved;
    await before.getByTestId('safe-contact').getByText('الخال').waitFor();
    expect(await before.getByTestId('safe-contact').textContent()).toContain('حضوريًا');
    const person = await db.person.findUniqueOrThrow({
      where: { id: c.person.id },
      select: { version: true, languages: true, safeContact: true },
    });
    expect(person).toMatchObject({ version: 2, languages: ['ar'] });
    expect(person.safeContact).not.toContain('الخال');
    const fields = await db.fieldChange.findMany({ where: { entityId: c.person.id }, select: { field: true } });
    expect(fields.map((f) => f.field).sort()).toEqual(['languages', 'safeContact']);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
