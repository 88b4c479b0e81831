import { describe, expect, it } from 'vitest';
import { browserWorld } from './browser.js';
import { axeViolations, overflow } from './page-checks.js';
import { makeTown } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import type { Cohort } from '../../src/shared/vocabulary.js';
import { isoDayIn } from '../../src/shared/days.js';
import { lastPublishedYear } from '../../src/modules/hub/release.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** The year the page opens on: the last published where the test hubs are (Jordan), by the real clock the app runs on. */
const PUBLISHED = lastPublishedYear(isoDayIn(new Date(), 'Asia/Amman'));

/** Referrals of the last published year in `town`, by cohort (synthetic). */
async function referrals(town: Awaited<ReturnType<typeof makeTown>>, cohorts: Partial<Record<Cohort, number>>) {
  const person = await makePerson(db, town.town.id);
  await db.referral.createMany({
    data: Object.entries(cohorts).flatMap(([cohort, n]) =>
      Array.from({ length: n }, () => ({
        municipalityId: town.town.id,
        personId: person.id,
        referrerId: town.socialWorker.id,
        cohort: cohort as Cohort,
        source: 'school' as const,
        concernCategories: ['isolation'],
        concernText: 'synthetic',
        urgency: 'routine' as const,
        consentGiven: true,
        submittedAt: new Date(Date.UTC(PUBLISHED, 5, 15, 9)),
      })),
    ),
  });
}

describe("the hub analyst's view (Arabic, 360 px)", () => {
  it('shows the sharing cities’ figures by country and city with "<5", and a casework URL gives nothing', async () => {
    const [a, b, quiet] = await Promise.all([makeTown(db), makeTown(db), makeTown(db)]);
    await db.municipality.update({ where: { id: b.town.id }, data: { country: 'TN' }, select: { id: true } });
    await referrals(a, { youth: 7, returnee: 3 });
    await referrals(b, { youth: 9, migrant: 6 });
    // A member that does not share: its 40 returnees never reach the hub.
    await referrals(quiet, { returnee: 40 });
    const hub = await makeHub(db, [{ id: a.town.id }, { id: b.town.id }, { id: quiet.town.id, share: false }]);
    await db.user.update({ where: { id: hub.analyst.id }, data: { locale: 'ar' }, select: { id: true } });
    // A case of a sharing city, with a synthetic name the analyst must never see.
    const c = await makeCase(db, a, { keyWorkerId: a.socialWorker.id, person: { nameLatin: 'Zaynab Synthetic-Hub' } });

    const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
    });
    await world.signIn(page, hub.analyst.email);
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    // The home page and the menu lead to the hub's figures, and to nothing of casework.
    await page.locator('#app-menu a[href="/hub"]').waitFor({ state: 'attached' });
    expect(await page.locator('#app-menu a[href="/cases"]').count()).toBe(0);
    await page.getByTestId('home-hub').click();
    expect(await page.locator('#hub-title').textContent()).toBe('أرقام المركز الإقليمي');

    const byCity = page.getByTestId('hub-city-referralsByCohort');
    await byCity.waitFor();
    // Published years only: the last one is shown, this year is not offered; the page says when the next comes and why a year never changes.
    const years = await page
      .getByTestId('hub-year')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    expect(years[0]).toBe(String(PUBLISHED));
    expect(years).not.toContain(String(PUBLISHED + 1));
    const next = (await page.getByTestId('hub-next').textContent()) ?? '';
    const nextYear = [String(PUBLISHED + 1), new Intl.NumberFormat('ar-EG', { useGrouping: false }).format(PUBLISHED + 1)];
    expect(
      nextYear.some((y) => next.includes(y)),
      next,
    ).toBe(true);
    expect(await page.getByTestId('hub-frozen').textContent()).toContain('لا تتغير السنة المنشورة');
    await page.getByTestId('hub-published').waitFor();
    const cells = await byCity.locator('td.suppressed').allTextContents();
    expect(cells).toContain('<5');
    // The 3 returnees appear nowhere, in any digits, in either table; the quiet city's 40 neither.
    const byCountry = page.getByTestId('hub-country-referralsByCohort');
    const shown = [...(await byCity.locator('td').allTextContents()), ...(await byCountry.locator('td').allTextContents())];
    for (const hidden of ['3', '٣', '43', '٤٣', '40', '٤٠']) expect(shown).not.toContain(hidden);
    // Countries by name in Arabic, cities by name; the quiet city is not counted.
    expect(await byCountry.locator('tbody th').allTextContents()).toEqual(['الأردن', 'تونس']);
    const counted = await page.getByTestId('hub-counted').textContent();
    expect(counted).toContain(a.town.name);
    expect(counted).not.toContain(quiet.town.name);
    await page.getByTestId('hub-figure-referralsByCohort').getByTestId('figure-chart').locator('canvas').first().waitFor();
    expect(await overflow(page)).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    // Casework URLs give nothing: the list and a real case of a sharing city.
    for (const path of ['/cases', `/cases/${c.id}`, '/referrals/queue', '/search']) {
      await page.goto(`${world.base}${path}`);
      // The page says the analyst may not (the role's fallback, or the server's refusal as the page's error).
      await page.locator('main .alert-error').first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text, path).not.toContain('Zaynab');
      expect(text, path).not.toContain(c.reference);
    }
    await page.goto(`${world.base}/cases`);
    await page.getByTestId('forbidden').waitFor();
    // The server refused every casework call it got (audited as denied, on the hub's chain), and allowed none.
    const events = await db.auditEvent.findMany({
      where: { actorId: hub.analyst.id, action: { startsWith: 'case' } },
      select: { outcome: true, municipalityId: true },
    });
    expect(events.every((e) => e.outcome === 'denied' && e.municipalityId === hub.hub.id)).toBe(true);
    expect(await db.auditEvent.count({ where: { actorId: hub.analyst.id, action: 'hub.figures', outcome: 'allowed' } })).toBeGreaterThan(0);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("the hub's admin adds a city (French); the city's admin chooses on the settings page to share; the analyst then counts it", async () => {
    const town = await makeTown(db);
    await referrals(town, { youth: 8 });
    const hub = await makeHub(db);
    await db.user.updateMany({ where: { id: { in: [hub.admin.id, town.admin.id] } }, data: { locale: 'fr' } });

    const { context, page } = await world.newPage();
    await world.signIn(page, hub.admin.email);
    // A hub's admin: members, users and settings; nothing of a city's casework lists.
    await page.locator('#app-menu a[href="/admin/hub"]').waitFor({ state: 'attached' });
    expect(await page.locator('#app-menu a[href="/admin/agencies"]').count()).toBe(0);
    await page.goto(`${world.base}/admin/hub`);
    const add = page.getByTestId('hub-add-member');
    await add.locator('select[name=municipalityId]').selectOption(town.town.id);
    await page.getByTestId('hub-add-submit').click();
    const row = page.getByTestId(`hub-member-${town.town.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Pas encore');
    await context.close();

    const city = await world.newPage();
    await world.signIn(city.page, town.admin.email);
    expect(await city.page.locator('#app-menu a[href="/admin/hub"]').count()).toBe(0);
    await city.page.goto(`${world.base}/admin/settings`);
    const box = city.page.getByTestId(`hub-share-${hub.hub.id}`);
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await city.page.getByText(`Vos chiffres parviennent désormais à ${hub.hub.name}.`).waitFor();
    expect(
      await db.hubMember.findFirst({ where: { hubId: hub.hub.id, municipalityId: town.town.id }, select: { shareFigures: true } }),
    ).toEqual({
      shareFigures: true,
    });
    await city.context.close();

    const analyst = world.newPage();
    const { page: p } = await analyst;
    await world.signIn(p, hub.analyst.email);
    await p.goto(`${world.base}/hub`);
    await p.getByTestId('hub-city-referralsByCohort').waitFor();
    expect(await p.getByTestId('hub-counted').textContent()).toContain(town.town.name);
    expect(cspViolations).toEqual([]);
    await (await analyst).context.close();
  });
});
