import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { answerOf, browserWorld } from './browser.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { codeAt } from '../../src/auth/totp.js';
import { manualClock } from '../../src/lib/clock.js';
import { makeCase } from '../helpers/case-factories.js';
import { openStored } from '../helpers/crypto.js';
import { fillReferral } from './referral-form.js';

/** A 10-second idle limit: the warning comes a third of it (3⅓ seconds) before it (features/session/idle.ts). */
const IDLE_MS = 10_000;
const world = await browserWorld({ config: testConfig({ session: { idleMs: IDLE_MS, absoluteMs: 3_600_000 } }) });
const { db } = world;

const codeOf = (key: Uint8Array, offset = 0) => generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);

async function phone() {
  const context = await world.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(IDLE_MS + 10_000);
  return { context, page: await context.newPage() };
}

async function passwordStep(page: Page, email: string) {
  await db.user.update({ where: { email }, data: { locale: 'ar' }, select: { id: true } });
  await page.goto(`${world.base}/`);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(TEST_PASSWORD);
  await form.locator('button[type=submit]').click();
}

describe('the session’s end, announced (Arabic, 360 px, 10-second idle limit)', () => {
  it('typing keeps the session without asking; idle, it warns with “stay signed in”; at the limit it asks to sign in again and the typed note is added', {
    timeout: 120_000,
  }, async () => {
    const town = await makeTown(db);
    const { socialWorker } = town;
    const c = await makeCase(db, town, { keyWorkerId: socialWorker.id });
    const { context, page } = await phone();
    await passwordStep(page, socialWorker.email);
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${world.base}/cases/${c.id}`);
    const note = page.getByTestId('note-form');
    const body = note.locator('textarea[name=body]');
    await body.waitFor();

    // Typing, slowly, until a second past the warning's time: the page keeps the session alive by itself, no dialog.
    const kept = answerOf(page, 'auth.keepAlive');
    const started = Date.now();
    while (Date.now() - started < IDLE_MS - 2_000) await body.pressSequentially('زيارة ', { delay: 150 });
    await kept;
    expect(await page.getByTestId('idle-warning').isVisible()).toBe(false);

    // Idle: the warning, and "stay signed in" keeps the session.
    const warning = page.getByTestId('idle-warning');
    await warning.getByRole('heading', { name: 'هل ما زلت هنا؟' }).waitFor();
    const stayed = answerOf(page, 'auth.keepAlive');
    await warning.getByTestId('stay-signed-in').click();
    await stayed;
    expect(await warning.isVisible()).toBe(false);

    // Idle again, and nobody answers: at the limit, the sign-in dialog over the page.
    await warning.getByTestId('stay-signed-in').waitFor();
    const again = page.getByTestId('sign-in-again');
    await again.getByRole('heading', { name: 'انتهت جلستك' }).waitFor();
    const typed = await body.inputValue();
    expect(typed.length).toBeGreaterThan(20);
    await again.locator('input[name=password]').fill(TEST_PASSWORD);
    await again.locator('button[type=submit]').click();
    await again.waitFor({ state: 'hidden' });
    const added = answerOf(page, 'cases.addNote');
    await note.locator('button[type=submit]').click();
    await added;
    const notes = await db.caseNote.findMany({ where: { caseId: c.id }, select: { id: true, body: true } });
    expect(await Promise.all(notes.map((n) => openStored(db, `case.note/${n.id}`, n.body)))).toEqual([typed.trim()]);
    await context.close();
  });

  it('an account with a second factor gives its code in the dialog, and the referral it was sending goes', {
    timeout: 60_000,
  }, async () => {
    const { coordinator } = await makeTown(db);
    // Enrolled a minute ago (that step is spent); signing in uses this step's code, the dialog the next one's.
    const { caller, clock } = await callerFor(db, coordinator, { clock: manualClock(new Date(Date.now() - 60_000)) });
    const key = decodeBase32IgnorePadding((await caller.auth.beginFactor()).secret);
    await caller.auth.confirmFactor({ code: codeAt(key, clock()) });
    const { context, page } = await phone();
    await passwordStep(page, coordinator.email);
    const code = page.getByTestId('sign-in-code-form');
    await code.locator('input[name=code]').fill(codeOf(key));
    await code.locator('button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();

    const form = await fillReferral(page, world.base, 'Synthetic concern typed by the coordinator before the session ended.');
    await db.session.updateMany({
      where: { userId: coordinator.id, endedAt: null },
      data: { endedAt: new Date(), endReason: 'idle_timeout' },
    });
    await form.locator('button[type=submit]').click();
    // The dialog asks for the password, then the code (the next step's: this one was spent signing in).
    const again = page.getByTestId('sign-in-again');
    await again.locator('input[name=password]').fill(TEST_PASSWORD);
    await again.locator('button[type=submit]').click();
    const codeStep = page.getByTestId('sign-in-again-code');
    const created = answerOf(page, 'referrals.create');
    await codeStep.locator('input[name=code]').fill(codeOf(key, 1));
    await codeStep.locator('button[type=submit]').click();
    await created;
    await page.getByTestId('referral-sent').waitFor();
    expect(await db.referral.count({ where: { referrerId: coordinator.id } })).toBe(1);
    await context.close();
  });
});
