import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { browserWorld } from './browser.js';
import { axeViolations, overflow } from './page-checks.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('the statistics page (Arabic, 360 px)', () => {
  it('shows a year of figures as charts and tables with "<5" for small counts, offers only years with figures, says a bad year in Arabic, and downloads the same values as CSV', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    // This month: 7 youth referrals and 3 returnee ones (a small cell).
    const person = await makePerson(db, town.town.id);
    const referral = (cohort: 'youth' | 'returnee') => ({
      municipalityId: town.town.id,
      personId: person.id,
      referrerId: town.socialWorker.id,
      cohort,
      source: 'school' as const,
      concernCategories: ['isolation'],
      concernText: 'synthetic',
      urgency: 'routine' as const,
      consentGiven: true,
      submittedAt: new Date(),
    });
    await db.referral.createMany({
      data: [...Array.from({ length: 7 }, () => referral('youth')), ...Array.from({ length: 3 }, () => referral('returnee'))],
    });
    // And one last year: the municipality's first records, so the year select starts there.
    const year = new Date().getFullYear();
    await db.referral.create({ data: { ...referral('youth'), submittedAt: new Date(Date.UTC(year - 1, 5, 15, 9)) }, select: { id: true } });

    const context = await world.browser.newContext({
      locale: 'ar',
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await world.signIn(page, town.coordinator.email);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });

    // The menu links to the page.
    await page.locator('#app-menu a[href="/statistics"]').waitFor({ state: 'attached' });
    await page.goto(`${world.base}/statistics`);
    expect(await page.locator('#statistics-title').textContent()).toBe('الإحصاءات');
    const cohort = page.getByTestId('table-referralsByCohort');
    await cohort.waitFor();
    expect(await cohort.locator('thead').textContent()).toContain('المجموع');
    expect(await cohort.locator('td.suppressed').allTextContents()).toContain('<5');
    expect(await cohort.locator('td.suppressed').allTextContents()).toContain('*');
    // The 3 is shown nowhere, and nothing in the table gives it away.
    expect(await cohort.locator('td').allTextContents()).not.toContain('3');
    expect(await cohort.locator('td').allTextContents()).not.toContain('٣');
    await page.getByTestId('figure-referralsByCohort').getByTestId('figure-chart').locator('canvas').first().waitFor();
    expect(await overflow(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    // One calendar year per request (no free periods, so no two answers can be subtracted): the select
    // offers this year and last year (the first records), nothing else.
    const form = page.getByTestId('statistics-period-form');
    const select = form.locator('select[name=year]');
    await form.locator(`select[name=year] option[value="${year - 1}"]`).waitFor({ state: 'attached' });
    const offered = await select.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(offered).toEqual([String(year), String(year - 1)]);
    // Last year: its twelve months, its one referral (a "<5").
    await select.selectOption(String(year - 1));
    await page.getByTestId('statistics-show').click();
    await cohort.locator('tbody tr').nth(11).waitFor();
    const lastYear = String(year - 1);
    const inDigits = new RegExp(`${lastYear}|${lastYear.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)}`);
    await page.getByTestId('statistics-period').filter({ hasText: inDigits }).waitFor();
    expect(await cohort.locator('tbody tr').count()).toBe(12);
    // A year without figures (crafted: the select never offers it) is refused, said beside the field in Arabic.
    await page.evaluate(
      `(() => { const o = document.createElement('option'); o.value = o.textContent = '${year + 1}'; document.querySelector('select[name=year]').append(o); })()`,
    );
    await select.selectOption(String(year + 1));
    await page.getByTestId('statistics-show').click();
    await form.locator('.field-error').getByText('اختر سنة من أول سجلات بلديتك حتى هذه السنة.').waitFor();

    // The CSV of this year: the values of the page, "<5" included, never the 3.
    await select.selectOption(String(year));
    const download = page.waitForEvent('download');
    await page.getByTestId('statistics-export').click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv).toContain('figure,row,column,value');
    expect(csv).toMatch(/referralsByCohort,\d{4}-\d\d,returnee,<5/);
    expect(csv).not.toMatch(/,3\r\n/);
    expect(await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'statistics.export', outcome: 'allowed' } })).toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
