import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { browserWorld } from './browser.js';
import { makeMunicipality, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** The code an authenticator app shows for the 30-second step `offset` steps from now. */
const codeOf = (key: Uint8Array, offset = 0) => generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);

async function passwordStep(page: Page, email: string) {
  await page.goto(`${world.base}/`);
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(TEST_PASSWORD);
  await form.locator('button[type=submit]').click();
}

async function enterCode(page: Page, code: string) {
  const form = page.getByTestId('sign-in-code-form');
  await form.locator('input[name=code]').fill(code);
  await form.locator('button[type=submit]').click();
}

/** Nothing wider than the 360 px screen. */
const overflows = (page: Page) => page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');

describe('a second factor in the browser', () => {
  it('a coordinator whose town requires it enrols, signs in with a code, and a replayed code is refused', async () => {
    const town = await makeMunicipality(db, { secondFactorRoles: ['coordinator'] });
    const user = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    const { context, page } = await world.newPage();
    await page.setViewportSize({ width: 360, height: 800 });

    // The password alone opens nothing but the enrolment page.
    await passwordStep(page, user.email);
    await page.getByTestId('factor-forced').waitFor();
    expect(await page.locator('.app-nav').count()).toBe(0);
    // The QR code is an image from a data URL; the server's SVG never becomes markup in the page.
    expect(await page.getByTestId('factor-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.locator('main svg').count()).toBe(0);
    expect(await overflows(page)).toBe(false);

    const secret = ((await page.getByTestId('factor-secret').textContent()) ?? '').replace(/\s/g, '');
    const key = decodeBase32IgnorePadding(secret);
    const confirm = page.getByTestId('factor-confirm-form');
    await confirm.locator('input[name=code]').fill(codeOf(key));
    await confirm.locator('button[type=submit]').click();

    // The ten recovery codes, once; the forced page stays until the user says they are saved.
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(await codes.locator('li').count()).toBe(10);
    await page.getByTestId('recovery-saved').click();
    await page.getByTestId('home-title').waitFor();
    expect(await page.locator('.app-nav').count()).toBe(1);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();

    // Password, then a code: the next step's (the enrolment spent this one; the server allows one step of drift).
    const code = codeOf(key, 1);
    await passwordStep(page, user.email);
    await enterCode(page, code);
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();

    // The same code on a new sign-in: refused, in words; signing out from the code step goes back.
    await passwordStep(page, user.email);
    await enterCode(page, code);
    await expect
      .poll(async () => (await page.getByTestId('sign-in-code-form').textContent()) ?? '')
      .toContain('That code is not valid (or was already used). Try the next one.');
    expect(await overflows(page)).toBe(false);
    await page.getByTestId('sign-in-code-back').click();
    await page.getByTestId('sign-in-form').waitFor();
    // The half-signed-in session is gone: the app asks for a password again.
    await page.goto(`${world.base}/work`);
    await page.getByTestId('sign-in-form').waitFor();

    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('the audit export asks for a fresh code when the last one is old, then exports', async () => {
    const town = await makeMunicipality(db, { secondFactorRoles: ['auditor'] });
    const user = await makeUser(db, { municipalityId: town.id, role: 'auditor' });
    // Enrolled through the procedures, now, with this step's code.
    const { caller } = await callerFor(db, user, { clock: manualClock(new Date()) });
    const key = decodeBase32IgnorePadding((await caller.auth.beginFactor()).secret);
    const { recoveryCodes } = await caller.auth.confirmFactor({ code: codeOf(key) });
    const { context, page } = await world.newPage();
    await passwordStep(page, user.email);
    await enterCode(page, codeOf(key, 1));
    await page.getByTestId('home-title').waitFor();
    // The code was proved ten minutes ago, as far as the server knows: too old for the export.
    await db.session.updateMany({ where: { userId: user.id }, data: { factorAt: new Date(Date.now() - 10 * 60_000) } });

    await page.goto(`${world.base}/audit`);
    await page.getByTestId('audit-export').click();
    const stepUp = page.getByTestId('step-up-form');
    await stepUp.locator('input[name=code]').fill(recoveryCodes[0] ?? '');
    const download = page.waitForEvent('download');
    await stepUp.locator('button[type=submit]').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await page.getByTestId('audit-exported').waitFor();
    expect(await page.getByTestId('step-up').count()).toBe(0);
    await context.close();
  });

  it('an admin chooses the roles that must use a second factor in Settings', async () => {
    const town = await makeMunicipality(db);
    const admin = await makeUser(db, { municipalityId: town.id, role: 'admin' });
    const { context, page } = await world.newPage();
    await world.signIn(page, admin.email);
    await page.goto(`${world.base}/admin/settings`);
    const roles = page.getByTestId('factor-roles');
    await roles.locator('input[value=coordinator]').check();
    await roles.locator('button[type=submit]').click();
    await expect
      .poll(async () => (await db.municipality.findUniqueOrThrow({ where: { id: town.id } })).secondFactorRoles)
      .toEqual(['coordinator']);
    await context.close();
  });
});
