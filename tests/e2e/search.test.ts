import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { testKeyring } from '../helpers/callers.js';
import { sealSafeContact } from '../../src/modules/people/safe-contact.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('the search page, in Arabic on a phone', () => {
  it('finds محمد بن صالح’s case when "Mohamed Ben Salah" is typed, and keeps nothing typed in the address or storage', async () => {
    const town = await makeTown(db);
    // Synthetic names only.
    const wanted = await makeCase(db, town, { person: { nameArabic: 'محمد بن صالح' } });
    const other = await makeCase(db, town, { person: { nameArabic: 'سلمى الحداد' } });
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const safe = { channel: 'text_message', phoneShared: true, doNotTell: 'Synthetic cousin' } as const;
    await db.person.update({
      where: { id: wanted.person.id },
      data: { contact: '+000 555 0101', safeContact: await sealSafeContact({ db, keyring: testKeyring }, { id: wanted.person.id }, safe) },
    });

    const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);

    // Reached from the menu, as a user would.
    await page.getByTestId('menu-button').click();
    await page.locator('.app-nav').getByRole('link', { name: 'بحث' }).click();
    await page.getByRole('heading', { level: 1, name: 'بحث' }).waitFor();

    // A year out of range is refused at the field, in Arabic, and nothing is searched.
    await page.getByTestId('search-query').fill('Mohamed Ben Salah');
    await page.getByLabel('سنة الميلاد (اختيارية، مع الاسم)').fill('1800');
    await page.getByTestId('search-submit').click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.getByTestId('search-case').count()).toBe(0);

    // The year as an Arabic keyboard types it (the factory's people are born in 2009).
    await page.getByLabel('سنة الميلاد (اختيارية، مع الاسم)').fill('٢٠٠٩');
    const answered = answerOf(page, 'search.find');
    await page.getByTestId('search-submit').click();
    await answered;
    const found = page.getByTestId('search-case');
    await found.first().waitFor();
    expect(await found.count()).toBe(1);
    expect(await found.textContent()).toContain(wanted.reference);
    expect(await found.textContent()).toContain('محمد بن صالح');
    expect(await found.textContent()).not.toContain(other.reference);
    expect(await page.getByTestId('search-referrals').textContent()).toContain('محمد بن صالح');
    // Nothing typed is kept where the next user of the device would find it.
    expect(page.url()).not.toMatch(/Mohamed|Salah/i);
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })');
    expect(stored).not.toMatch(/Mohamed|Salah/i);
    // The page is as wide as the phone.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);

    await found.getByRole('link', { name: wanted.reference }).click();
    await page.waitForURL(`**/cases/${wanted.id}`);
    // Before anyone calls: the safe way to reach the person comes above the contact details.
    const before = page.getByTestId('contact-section');
    await before.getByTestId('safe-contact').waitFor();
    expect(await before.getByTestId('safe-contact').textContent()).toContain('رسالة نصية');
    expect(await before.getByTestId('safe-contact').textContent()).toContain('Synthetic cousin');
    const order = await page.evaluate<boolean>(
      `(() => { const s = document.querySelector('[data-testid=safe-contact]'); const c = document.querySelector('[data-testid=person-contact]'); return !!(s && c && (s.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)); })()`,
    );
    expect(order).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'search.find', outcome: 'allowed' },
      select: { detail: true },
    });
    expect((audit.detail as { touched: { Case: string[] } }).touched.Case).toEqual([wanted.id]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
