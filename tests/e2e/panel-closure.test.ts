import { describe, expect, it } from 'vitest';
import { browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { callerFor } from '../helpers/callers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe("the panel's decision to close", () => {
  it('shows the coordinator a banner on the case page and the close form filled in with the decision, in Arabic', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const c = await makeCase(db, town, { stage: 'intake' });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], title: 'Synthetic January panel' });
    const { caller } = await callerFor(db, town.coordinator);
    await caller.meetings.decide({ agendaItemId: meeting.itemFor(c), decision: 'close', consensus: true });

    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);
    await page.goto(`${world.base}/cases/${c.id}`);
    const banner = page.getByTestId('panel-closure');
    expect(await banner.textContent()).toContain('Synthetic January panel');
    expect(await banner.textContent()).toContain('قرّرت اللجنة');
    const reason = page.getByTestId('close-form').locator('textarea[name=reason]');
    expect(await reason.inputValue()).toContain('Synthetic January panel');
    // The banner's link leads to the form.
    await banner.getByRole('link').click();
    await page.waitForFunction(`location.hash === '#close-case'`);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 60_000);
});
