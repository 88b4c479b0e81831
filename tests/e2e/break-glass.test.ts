import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('break-glass', () => {
  it('a social worker asks for emergency access with a justification and every page then shows the emergency banner', async () => {
    const town = await makeTown(db);
    const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const c = await makeCase(db, town, { keyWorkerId: keyWorker.id, summary: 'Synthetic summary under emergency.' });

    const { context, page } = await world.newPage();
    await world.signIn(page, town.socialWorker.email);
    await page.goto(`${world.base}/cases/${c.id}/emergency`);
    const form = page.getByTestId('break-glass-form');
    await form.getByTestId('break-glass-sections').getByLabel('Summary').check();
    await form.locator('textarea[name=justification]').fill('Synthetic emergency: the key worker is away and a child is in danger.');
    const granted = answerOf(page, 'cases.breakGlass');
    await form.locator('button[type=submit]').click();
    await granted;
    await form.getByTestId('break-glass-granted').waitFor();

    await page.goto(`${world.base}/work`);
    const banner = page.getByTestId('emergency-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(c.reference);

    await banner.locator('a').first().click();
    await page.getByTestId('emergency-here').waitFor();
    expect(await page.textContent('main')).toContain('Synthetic summary under emergency.');

    // Done before its time: the requester ends it from the banner; it goes, and so does the case.
    const ended = answerOf(page, 'cases.endBreakGlass');
    await banner.getByTestId('end-emergency').click();
    await ended;
    await page.waitForURL(`${world.base}/`);
    expect(await page.getByTestId('emergency-banner').count()).toBe(0);
    expect((await db.breakGlass.findFirstOrThrow({ where: { caseId: c.id }, select: { endedAt: true } })).endedAt).not.toBeNull();
    await context.close();
    expect(await db.auditFlag.count({ where: { municipalityId: town.town.id, kind: 'break_glass' } })).toBe(1);
    expect(cspViolations).toEqual([]);
  });
});
