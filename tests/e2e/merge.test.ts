import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { testKeyring } from '../helpers/callers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('two records of one person on the case page', () => {
  it('the coordinator marks one record "not the same person", merges another after a confirmation showing both, and undoes it', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { person: { nameArabic: 'سمير الحداد', nameLatin: 'Samir Haddad' } });
    const twin = await makePerson(db, town.town.id, { nameLatin: 'Samir Haddad', birthYear: 2008 });
    const other = await makePerson(db, town.town.id, { nameLatin: 'Samira Haddad', birthYear: 2011 });
    const referral = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person: twin });

    const { context, page } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    const matched = answerOf(page, 'people.match');
    await page.goto(`${world.base}/cases/${c.id}`);
    const section = page.getByTestId('merge-section');
    await matched;
    const candidates = section.getByTestId('merge-candidate');
    await candidates.filter({ hasText: 'Samira Haddad' }).waitFor();
    // The case's own person is never offered.
    expect(await section.getByTestId('merge-candidates').locator('bdi[lang=ar]').count()).toBe(0);

    const marked = answerOf(page, 'people.markDistinct');
    await candidates.filter({ hasText: 'Samira Haddad' }).getByTestId('merge-not-same').click();
    await marked;
    await section.getByText('Marked as not the same person: it will no longer be offered.').waitFor();
    await section.getByTestId('merge-distinct').getByText('Samira Haddad').waitFor();
    expect(await candidates.filter({ hasText: 'Samira Haddad' }).count()).toBe(0);

    const twinRow = candidates.filter({ hasText: 'born 2008' });
    await twinRow.getByTestId('merge-choose').click();
    const confirm = section.getByTestId('merge-confirm');
    expect(await confirm.textContent()).toContain('سمير الحداد');
    expect(await confirm.textContent()).toContain('born 2008');
    const merged = answerOf(page, 'people.merge');
    await confirm.getByTestId('merge-confirm-button').click();
    await merged;
    await section.getByText('Merged. The other record is hidden and points here.').waitFor();
    const entry = section.getByTestId('merge-entry');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('1 referral, 0 cases');
    expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).personId).toBe(c.person.id);

    const undone = answerOf(page, 'people.unmerge');
    await entry.getByTestId('merge-undo').click();
    await undone;
    await section.getByText('The merge was undone: the other record and what it held are back.').waitFor();
    expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).personId).toBe(twin.id);
    expect(await db.person.findUniqueOrThrow({ where: { id: twin.id }, select: { mergedIntoId: true } })).toEqual({ mergedIntoId: null });
    expect(await db.personDistinct.count({ where: { OR: [{ personId: other.id }, { otherId: other.id }] } })).toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
