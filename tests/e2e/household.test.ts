import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('a household on the case page', () => {
  it('the coordinator links a child to the case’s person and sees the child listed', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameArabic: 'كريم السعدي', nameLatin: 'Karim Saadi' } });
    const child = await makePerson(db, town.town.id, { nameArabic: 'نور السعدي', nameLatin: 'Nour Saadi', birthYear: 2015 });

    const { context, page } = await world.newPage();
    await page.goto(`${world.base}/`);
    const signIn = page.getByTestId('sign-in-form');
    await signIn.locator('input[name=email]').fill(town.coordinator.email);
    await signIn.locator('input[name=password]').fill(TEST_PASSWORD);
    await signIn.locator('button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();

    await page.goto(`${world.base}/cases/${c.id}`);
    const section = page.getByTestId('household-section');
    await section.getByText('No family member is linked.').waitFor();
    await section.getByTestId('link-member').click();
    const form = section.getByTestId('household-form');
    const matched = answerOf(page, 'people.match');
    await form.getByTestId('member-search').fill('Saadi');
    await matched;
    // The case's own person matches the name too, but is never offered.
    const candidate = form.getByTestId('household-candidate').filter({ hasText: 'Nour Saadi' });
    await candidate.waitFor();
    expect(await form.getByTestId('household-candidate').filter({ hasText: 'Karim Saadi' }).count()).toBe(0);
    await candidate.getByTestId('choose-member').click();
    await form.getByTestId('chosen-member').getByText('Nour Saadi').waitFor();
    await form.locator('select[name=relationship]').selectOption('child');
    const linked = answerOf(page, 'people.linkHousehold');
    await form.locator('button[type=submit]').click();
    await linked;

    const member = section.getByTestId('household-member').filter({ hasText: 'Nour Saadi' });
    await member.waitFor();
    expect(await member.textContent()).toContain('نور السعدي');
    expect(await member.textContent()).toContain('Child');
    expect(await member.textContent()).toContain('born 2015');
    expect(await section.getByTestId('household-hidden').count()).toBe(0);
    const link = await db.householdMember.findFirst({ where: { personId: child.id }, select: { relationship: true } });
    expect(link?.relationship).toBe('child');
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
