import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** A context in Arabic whose device clock reads UTC, as a phone set to the wrong zone (or a shared PC) may. */
async function arabicPage(fixedTime?: Date) {
  const context = await world.browser.newContext({ locale: 'ar', timezoneId: 'UTC', viewport: { width: 360, height: 740 } });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(30_000);
  if (fixedTime) await context.clock.setFixedTime(fixedTime);
  return { context, page: await context.newPage() };
}

describe("the municipality's calendar in the browser (Arabic, Amman)", () => {
  it('the admin keeps the public holidays: a date twice is refused beside it and nothing is saved; dates in the region’s words', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.admin.id }, data: { locale: 'ar' } });
    const { context, page } = await arabicPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/settings`);
    const form = page.getByTestId('holidays-form');
    await form.waitFor();
    await page.getByTestId('holidays').getByText('لا توجد عطلة رسمية بعد.').waitFor();
    await form.locator('input[name="holidays.0.date"]').fill('2026-03-20');
    await form.locator('input[name="holidays.0.name"]').fill('عيد الفطر');
    await form.getByRole('button', { name: 'إضافة يوم' }).click();
    await form.locator('input[name="holidays.1.date"]').fill('2026-03-20');
    await form.locator('input[name="holidays.1.name"]').fill('عيد الفطر (2)');
    const refused = page.waitForResponse((res) => new URL(res.url()).pathname === '/trpc/work.setHolidays');
    await form.locator('button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    await form.getByText('هذا التاريخ موجود في القائمة.').waitFor();
    expect(await form.locator('input[name="holidays.1.date"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name="holidays.0.date"]').getAttribute('aria-invalid')).toBeNull();
    expect(await db.publicHoliday.count({ where: { municipalityId: town.town.id } })).toBe(0);

    await form.locator('input[name="holidays.1.date"]').fill('2026-03-21');
    const saved = answerOf(page, 'work.setHolidays');
    await form.locator('button[type=submit]').click();
    await saved;
    await form.getByText('حُفظت العطل الرسمية.').waitFor();
    const rows = await db.publicHoliday.findMany({
      where: { municipalityId: town.town.id },
      select: { date: true, name: true },
      orderBy: { date: 'asc' },
    });
    expect(rows.map((r) => [r.date.toISOString().slice(0, 10), r.name])).toEqual([
      ['2026-03-20', 'عيد الفطر'],
      ['2026-03-21', 'عيد الفطر (2)'],
    ]);
    // A Jordanian town: March is آذار and the digits are Arabic-Indic (ar-JO), not مارس (plain ar).
    const list = page.getByTestId('holidays-saved');
    await list.getByText('آذار', { exact: false }).first().waitFor();
    expect(await list.textContent()).toContain('٢٠ آذار ٢٠٢٦');
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);

  it('"today" on the case page is Amman’s: at 00:30 there (21:30 UTC on the device) yesterday’s review is overdue and tomorrow is the first date offered', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' } });
    const c = await makeCase(db, town, { stage: 'review' });
    // Device clock: Wednesday 14 January 2026, 21:30 UTC = Thursday 15th, 00:30 in Amman.
    await db.case.update({ where: { id: c.id }, data: { nextReviewAt: new Date('2026-01-14T00:00:00Z') } });
    const { context, page } = await arabicPage(new Date('2026-01-14T21:30:00Z'));
    await world.signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const review = page.getByTestId('review-form');
    await review.waitFor();
    // Overdue in Amman (the 14th was yesterday there); a device counting in UTC would call it today.
    await review.getByTestId('next-review').locator('.badge.warn').waitFor();
    expect(await review.locator('input[name=nextReviewAt]').getAttribute('min')).toBe('2026-01-16');
    expect(await review.locator('input[name=nextReviewAt]').getAttribute('max')).toBe('2027-01-16');
    // The 15th is today in Amman: one day later it is no longer overdue.
    await db.case.update({ where: { id: c.id }, data: { nextReviewAt: new Date('2026-01-15T00:00:00Z') } });
    await page.reload();
    await review.getByTestId('next-review').waitFor();
    expect(await review.getByTestId('next-review').locator('.badge.warn').count()).toBe(0);
    await context.close();
    expect(cspViolations).toEqual([]);
  }, 120_000);
});
