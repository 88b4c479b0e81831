import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { overflow } from './page-checks.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { testKeyring } from '../helpers/callers.js';
import { openStored } from '../helpers/crypto.js';
import { makeCase } from '../helpers/case-factories.js';
import { fillReferral as fillForm } from './referral-form.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** A concern of exactly 423 characters, as the one lost in the issue. */
const CONCERN = 'توقف الفتى عن الذهاب إلى المدرسة منذ انتقال العائلة إلى الحي الجديد، ويقضي الليل على الهاتف مع مجموعة لا تعرفها الأسرة. '
  .repeat(5)
  .slice(0, 423);

/** A phone in Arabic: 360×740, touch. */
async function phone() {
  const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return { context, page: await context.newPage() };
}

/** Signs the user in, in Arabic, and fills a referral about a new person up to the concern. */
async function fillReferral(page: Page, email: string) {
  await db.user.update({ where: { email }, data: { locale: 'ar' }, select: { id: true } });
  await world.signIn(page, email);
  await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
  return fillForm(page, world.base, CONCERN);
}

/** Ends every live session of the user, as the idle limit would while they type. */
const endSessions = (userId: string) =>
  db.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: 'idle_timeout' } });

describe('no typed work is lost (Arabic, 360 px)', () => {
  it('a session that ends mid-form: the draft is on the server only, the same user signs in again in the dialog and the referral is sent with the typed concern', async () => {
    const { socialWorker } = await makeTown(db);
    const { context, page } = await phone();
    const form = await fillReferral(page, socialWorker.email);

    // Typing saved a draft: on the server, encrypted and bound to its row; nothing in the browser's storage.
    await page.getByTestId('draft-status').getByText('حُفظت المسودة').waitFor();
    const draft = await db.draft.findFirstOrThrow({ where: { authorId: socialWorker.id }, select: { id: true, body: true } });
    expect(draft.body).not.toContain(CONCERN.slice(0, 20));
    expect(JSON.parse(testKeyring.decrypt(draft.body, `draft.body/${draft.id}`)).concernText).toBe(CONCERN);
    const storage = await page.evaluate(`(async () => ({
      local: Object.keys(localStorage).filter((k) => k !== 'jisr.locale'),
      session: Object.keys(sessionStorage),
      idb: (await indexedDB.databases()).map((d) => d.name),
    }))()`);
    expect(storage).toEqual({ local: [], session: [], idb: [] });

    // The session ends; sending asks her to sign in again over the page, which keeps everything.
    await endSessions(socialWorker.id);
    await form.locator('button[type=submit]').click();
    const dialog = page.getByTestId('sign-in-again');
    await dialog.getByRole('heading', { name: 'انتهت جلستك' }).waitFor();
    expect(await dialog.locator('input[name=email]').inputValue()).toBe(socialWorker.email);
    expect(await overflow(page)).toBeNull();
    expect(await form.locator('textarea[name=concernText]').inputValue()).toBe(CONCERN);
    // A wrong password is refused in the dialog, in Arabic; nothing is sent.
    await dialog.locator('input[name=password]').fill('not the password');
    await dialog.locator('button[type=submit]').click();
    await dialog.getByTestId('sign-in-again-error').waitFor();
    expect(await db.referral.count({ where: { referrerId: socialWorker.id } })).toBe(0);

    const created = answerOf(page, 'referrals.create');
    await dialog.locator('input[name=password]').fill(TEST_PASSWORD);
    await dialog.locator('button[type=submit]').click();
    await created;
    await page.getByTestId('referral-sent').waitFor();
    expect(await dialog.isVisible()).toBe(false);

    const referrals = await db.referral.findMany({ where: { referrerId: socialWorker.id }, select: { id: true, concernText: true } });
    expect(referrals).toHaveLength(1);
    expect(await openStored(db, `referral.concern/${referrals[0]!.id}`, referrals[0]!.concernText)).toBe(CONCERN);
    // Sent: its draft is gone.
    await expect.poll(() => db.draft.count({ where: { authorId: socialWorker.id } })).toBe(0);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('another account signing in in the dialog drops what was typed: the page reloads and nothing is sent', async () => {
    const { town, socialWorker } = await makeTown(db);
    const colleague = await makeUser(db, { municipalityId: town.id, role: 'social_worker' });
    const { context, page } = await phone();
    const form = await fillReferral(page, socialWorker.email);
    await endSessions(socialWorker.id);
    await form.locator('button[type=submit]').click();
    const dialog = page.getByTestId('sign-in-again');
    await dialog.locator('input[name=password]').waitFor();
    await dialog.locator('input[name=email]').fill(colleague.email);
    await dialog.locator('input[name=password]').fill(TEST_PASSWORD);
    // Every draft save the page sends from the colleague's sign-in on (none may): once the new page has
    // loaded, the old one can send nothing more, so the list is complete without waiting on a clock.
    const lateSaves: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('drafts.save')) lateSaves.push(r.url());
    });
    const reloaded = page.waitForEvent('load');
    await dialog.locator('button[type=submit]').click();
    await reloaded;
    const fresh = page.getByTestId('referral-form');
    await fresh.waitFor();
    expect(await fresh.locator('textarea[name=concernText]').inputValue()).toBe('');
    expect(await db.referral.count({ where: { municipalityId: town.id } })).toBe(0);
    // Nothing typed by the first user was sent, or saved, under the colleague's name either (a late draft save).
    expect(lateSaves).toEqual([]);
    expect(await db.draft.count({ where: { authorId: colleague.id } })).toBe(0);
    // The first user's draft stays theirs: the colleague's "my work" does not list it.
    await page.goto(`${world.base}/work`);
    await page.getByTestId('drafts-section').waitFor();
    expect(await page.getByTestId('draft-item').count()).toBe(0);
    await context.close();
  });

  it('a draft left unsent is in “my work”: it opens back into its form, and can be discarded', async () => {
    const { socialWorker } = await makeTown(db);
    const { context, page } = await phone();
    await fillReferral(page, socialWorker.email);
    await page.getByTestId('draft-status').getByText('حُفظت المسودة').waitFor();

    await page.goto(`${world.base}/work`);
    const item = page.getByTestId('draft-item');
    await item.getByText(CONCERN.slice(0, 40)).waitFor();
    expect(await overflow(page)).toBeNull();
    await item.getByRole('link', { name: 'فتح' }).click();
    const form = page.getByTestId('referral-form');
    await expect.poll(() => form.locator('textarea[name=concernText]').inputValue()).toBe(CONCERN);
    expect(await form.locator('input[name="newPerson.nameArabic"]').inputValue()).toBe('سامي التجريبي');
    expect(await form.locator('select[name=source]').inputValue()).toBe('school');
    // Typing more saves the same draft, not a second one.
    await form.locator('textarea[name=concernText]').press('End');
    await form.locator('textarea[name=concernText]').pressSequentially(' المزيد');
    await page.getByTestId('draft-status').getByText('حُفظت المسودة').waitFor();
    expect(await db.draft.count({ where: { authorId: socialWorker.id } })).toBe(1);

    await page.goto(`${world.base}/work`);
    await item.getByRole('button', { name: 'حذف' }).click();
    const discarded = answerOf(page, 'drafts.discard');
    await item.locator('.confirm button.danger').click();
    await discarded;
    await page.getByTestId('drafts-section').getByText('لا مسودات.').waitFor();
    expect(await db.draft.count({ where: { authorId: socialWorker.id } })).toBe(0);
    await context.close();
  });

  it('a note’s draft is listed with its case, opens in the case’s note form, and goes once the note is added', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    const NOTE = 'زيارة منزلية: الأسرة مستعدة لحضور جلسة الدعم يوم الخميس.';
    await db.user.update({ where: { id: town.socialWorker.id }, data: { locale: 'ar' } });
    const { context, page } = await phone();
    await world.signIn(page, town.socialWorker.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const note = page.getByTestId('note-form');
    await note.locator('textarea[name=body]').fill(NOTE);
    await note.getByTestId('draft-status').getByText('حُفظت المسودة').waitFor();

    await page.goto(`${world.base}/work`);
    const item = page.getByTestId('draft-item');
    await item.getByText(c.reference).waitFor();
    await item.getByRole('link', { name: 'فتح' }).click();
    await expect.poll(() => page.getByTestId('note-form').locator('textarea[name=body]').inputValue()).toBe(NOTE);
    const added = answerOf(page, 'cases.addNote');
    await page.getByTestId('note-form').locator('button[type=submit]').click();
    await added;
    await expect.poll(() => db.draft.count({ where: { authorId: town.socialWorker.id } })).toBe(0);
    const notes = await db.caseNote.findMany({ where: { caseId: c.id }, select: { id: true, body: true } });
    expect(await Promise.all(notes.map((n) => openStored(db, `case.note/${n.id}`, n.body)))).toEqual([NOTE]);
    await context.close();
  });
});
