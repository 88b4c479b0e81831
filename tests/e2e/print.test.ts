import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { testKeyring } from '../helpers/callers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** A computed style of the first element matching `selector`, or null when there is none. */
const styleOf = (page: Page, selector: string, property: string) =>
  page.evaluate<string | null>(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return el ? getComputedStyle(el).getPropertyValue(${JSON.stringify(property)}) : null; })()`,
  );

describe('printable pages', () => {
  it('a meeting pack and a case summary in Arabic: the print stylesheet leaves only the sheet, black on white, an item a page', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const first = await makeCase(db, town, { summary: 'Synthetic summary printed for the panel.' });
    const second = await makeCase(db, town);
    const meeting = await makeMeeting(db, town, { cases: [first, second], agencyIds: [town.agency.id] });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);

    // The pack: reached from the meeting page; its print button only once the print is recorded.
    await page.goto(`${world.base}/meetings/${meeting.id}`);
    const printed = answerOf(page, 'print.meeting');
    await page.getByTestId('print-pack').click();
    await printed;
    await page.getByTestId('print-button').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('print-item').count()).toBe(2);
    expect(await page.locator('.print-sheet').textContent()).toContain('Synthetic summary printed for the panel.');
    expect(
      await db.auditEvent.count({
        where: { actorId: town.coordinator.id, action: 'print.meeting', entityId: meeting.id, outcome: 'allowed' },
      }),
    ).toBe(1);

    // On screen the menu shows; on paper it, the header and the buttons do not.
    expect(await styleOf(page, '.app-nav', 'display')).not.toBe('none');
    await page.emulateMedia({ media: 'print' });
    expect(await styleOf(page, '.app-nav', 'display')).toBe('none');
    expect(await styleOf(page, '.app-header', 'display')).toBe('none');
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    expect(await page.locator('.print-sheet').isVisible()).toBe(true);
    expect(await styleOf(page, 'body', 'color')).toBe('rgb(0, 0, 0)');
    expect(await styleOf(page, 'body', 'background-color')).toBe('rgb(255, 255, 255)');
    expect(await styleOf(page, '[data-testid=print-item] + [data-testid=print-item]', 'break-before')).toBe('page');
    expect(await styleOf(page, '[data-testid=print-item]', 'break-before')).not.toBe('page');

    // The case summary, printed the same way; its text is still right-to-left on paper.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${world.base}/cases/${first.id}`);
    const summary = answerOf(page, 'print.caseSummary');
    await page.getByTestId('print-case').click();
    await summary;
    await page.getByTestId('print-button').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await styleOf(page, '.app-nav', 'display')).toBe('none');
    expect(await page.getByTestId('print-reference').textContent()).toBe(first.reference);
    expect(await styleOf(page, '.print-sheet', 'direction')).toBe('rtl');
    expect(await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'print.case', entityId: first.id } })).toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('a meeting opened before its time says, in Arabic, that nothing can be recorded yet', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const c = await makeCase(db, town);
    const meeting = await makeMeeting(db, town, {
      cases: [c],
      agencyIds: [town.agency.id],
      scheduledAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);
    await page.goto(`${world.base}/meetings/${meeting.id}`);
    expect(await page.getByTestId('meeting-not-yet').textContent()).toContain('لم يُعقد هذا الاجتماع بعد');
    expect(await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } })).toEqual({
      status: 'scheduled',
    });
    await context.close();
  }, 60_000);

  it('the referrer prints an acknowledgement of their referral: reference, their words, what happens next', async () => {
    const town = await makeTown(db);
    const referral = await makeReferral(db, testKeyring, { town, referrer: town.practitioner });
    const { page, context } = await world.newPage();
    await world.signIn(page, town.practitioner.email);
    await page.goto(`${world.base}/referrals/${referral.id}`);
    const printed = answerOf(page, 'print.referral');
    await page.getByTestId('print-referral').click();
    await printed;
    await page.getByTestId('print-button').waitFor();
    expect(await page.getByTestId('print-reference').textContent()).toBe(referral.id.slice(0, 8).toUpperCase());
    expect(await page.locator('.print-sheet').textContent()).toContain('Synthetic concern');
    expect(await page.getByTestId('print-next').textContent()).toContain('screens the referral');
    await page.emulateMedia({ media: 'print' });
    expect(await styleOf(page, '.app-nav', 'display')).toBe('none');
    expect(await db.auditEvent.count({ where: { actorId: town.practitioner.id, action: 'print.referral', entityId: referral.id } })).toBe(
      1,
    );
    await context.close();
  }, 60_000);
});
