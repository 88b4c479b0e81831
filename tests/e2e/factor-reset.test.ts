import { describe, expect, it } from 'vitest';
import { browserWorld } from './browser.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { callerFor } from '../helpers/callers.js';
import { codeAt } from '../../src/auth/totp.js';
import { manualClock } from '../../src/lib/clock.js';

const world = await browserWorld();
const { db, cspViolations } = world;
const REASON = 'Synthetic: phone lost, identity checked in person at the town hall.';

describe('two people reset a second factor; an admin ends a session, in the browser', () => {
  it('an admin asks with a reason (a blank one is refused in words), cannot confirm it; the auditor confirms', async () => {
    const town = await makeMunicipality(db);
    const admin = await makeUser(db, { municipalityId: town.id, role: 'admin', displayName: 'Admin Synthetic' });
    const auditor = await makeUser(db, { municipalityId: town.id, role: 'auditor', locale: 'ar' });
    const coordinator = await makeUser(db, { municipalityId: town.id, role: 'coordinator', displayName: 'Coordinator Synthetic' });
    // The coordinator enrols on their device (through the procedures): one live session.
    const { caller: coordinatorDevice, clock } = await callerFor(db, coordinator, { clock: manualClock(new Date()) });
    const key = decodeBase32IgnorePadding((await coordinatorDevice.auth.beginFactor()).secret);
    await coordinatorDevice.auth.confirmFactor({ code: codeAt(key, clock()) });

    const { context, page } = await world.newPage();
    await world.signIn(page, admin.email);
    await page.goto(`${world.base}/admin/users`);
    const row = page.getByTestId('user-row').filter({ hasText: 'Coordinator Synthetic' });
    // An account without a second factor offers no reset.
    expect(await page.getByTestId('user-row').filter({ hasText: 'Admin Synthetic' }).getByTestId('factor-reset-open').count()).toBe(0);

    // The coordinator's sessions: one, ended at once.
    await row.getByTestId('user-sessions-open').click();
    const sessions = page.getByTestId('user-sessions');
    await sessions.getByTestId('user-session-row').waitFor();
    expect(await sessions.getByTestId('user-session-row').count()).toBe(1);
    await sessions.getByRole('button', { name: 'End session' }).click();
    await sessions.getByRole('button', { name: 'End session' }).click();
    await sessions.getByText('Session ended.').waitFor();
    await expect(coordinatorDevice.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await sessions.getByText('No active session.').waitFor();

    await row.getByTestId('factor-reset-open').click();
    const form = page.getByTestId('factor-reset-form');
    await form.locator('textarea[name=reason]').fill('          ');
    await form.locator('button[type=submit]').click();
    await form.getByText('Too short.').waitFor();
    expect(await db.secondFactorReset.count({ where: { userId: coordinator.id } })).toBe(0);
    await form.locator('textarea[name=reason]').fill(REASON);
    await form.locator('button[type=submit]').click();
    await row.getByTestId('factor-reset-pending').waitFor();
    expect(await row.getByTestId('factor-reset-open').count()).toBe(0);

    // The list shows it to its author without a button to confirm it.
    const list = page.getByTestId('factor-resets');
    const request = list.getByTestId('factor-reset-row').filter({ hasText: 'Coordinator Synthetic' });
    await request.getByText(REASON).waitFor();
    await request.getByText('Your request: someone else confirms it').waitFor();
    expect(await request.getByRole('button').count()).toBe(0);
    await context.close();

    // The auditor confirms it from the audit page, in Arabic.
    const second = await world.newPage();
    await world.signIn(second.page, auditor.email);
    await second.page.goto(`${world.base}/audit`);
    await second.page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    const pending = second.page.getByTestId('factor-resets').getByTestId('factor-reset-row').filter({ hasText: REASON });
    await pending.getByRole('button', { name: 'تأكيد إعادة الضبط' }).click();
    await pending.getByRole('button', { name: 'تأكيد إعادة الضبط' }).click();
    await second.page.getByText('تم تأكيد إعادة الضبط. سيضبط الحساب عاملًا جديدًا عند تسجيل دخوله التالي.').waitFor();
    await second.page.getByTestId('factor-resets').getByText('لا توجد طلبات بانتظار التأكيد.').waitFor();
    expect(await db.secondFactor.count({ where: { userId: coordinator.id } })).toBe(0);
    const reset = await db.secondFactorReset.findFirstOrThrow({
      where: { userId: coordinator.id },
      select: { requestedById: true, confirmedById: true },
    });
    expect(reset).toEqual({ requestedById: admin.id, confirmedById: auditor.id });
    expect(cspViolations).toEqual([]);
    await second.context.close();
  });
});
