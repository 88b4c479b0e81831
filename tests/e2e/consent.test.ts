import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('consent on the case page, in a real browser', () => {
  it('the key worker records a guardian’s written consent, prints the bilingual form (audited), and withdraws it', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { context, page } = await world.newPage();
    await world.signIn(page, town.socialWorker.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const section = page.getByTestId('consent-section');
    // The consent carried over from the referral.
    await section.getByTestId('consent-entry').first().waitFor();
    expect(await section.getByTestId('consent-entry').count()).toBe(1);

    await section.getByTestId('consent-add').click();
    const form = section.getByTestId('consent-form');
    await form.waitFor();
    await form.locator('input[name=givenBy][value=guardian]').check();
    await form.locator('input[name=giverName]').fill('Synthetic Guardian Name');
    await form.locator('input[name=givenBy][value=guardian]').check();
    await form.locator('input[name=giverName]').fill('Synthetic Guardian Name');
    await form.locator('select[name=relationship]').selectOption('mother');
    await form.getByTestId('consent-purposes').getByLabel('Education and training').check();
    await form.getByTestId('consent-purposes').getByLabel('Health care').check();
    await form.locator('input[name=how][value=written]').check();
    await form.locator('input[name=formReference]').fill('F-SYN-0007');
    const recorded = answerOf(page, 'consent.record');
    await form.locator('button[type=submit]').click();
    await recorded;
    const entry = section.getByTestId('consent-entry').filter({ hasText: 'Synthetic Guardian Name' });
    await entry.waitFor();
    expect(await entry.getAttribute('data-status')).toBe('live');
    const made = await db.consent.findFirstOrThrow({
      where: { caseId: c.id, formReference: 'F-SYN-0007' },
      select: { id: true, purposes: true },
    });
    expect(made.purposes.sort()).toEqual(['education', 'health']);

    // The printable form: Arabic and English (a Jordanian municipality), each print audited.
    await entry.getByTestId('consent-print-link').click();
    const print = page.getByTestId('consent-print');
    await print.waitFor();
    expect(await print.locator('section').evaluateAll((s) => s.map((x) => x.getAttribute('lang')))).toEqual(['ar', 'en']);
    const arabic = await page.getByTestId('consent-form-ar').textContent();
    expect(arabic).toContain('التعليم والتدريب');
    expect(arabic).toContain('يمكنك سحب هذه الموافقة');
    const english = await page.getByTestId('consent-form-en').textContent();
    expect(english).toContain('Synthetic Guardian Name');
    expect(english).toContain('F-SYN-0007');
    expect(english).toContain('You may withdraw this consent at any time');
    expect(await db.auditEvent.count({ where: { actorId: town.socialWorker.id, action: 'case.consent.print', outcome: 'allowed' } })).toBe(
      1,
    );

    // Withdrawn from the case page: the entry says so.
    await page.goBack();
    const again = page.getByTestId('consent-section').getByTestId('consent-entry').filter({ hasText: 'Synthetic Guardian Name' });
    await again.getByRole('button', { name: 'Withdraw' }).click();
    const withdrawn = answerOf(page, 'consent.withdraw');
    await again.getByRole('button', { name: 'Confirm: Withdraw' }).click();
    await withdrawn;
    await page.getByTestId('consent-section').locator('[data-testid=consent-entry][data-status=withdrawn]').waitFor();
    expect(await db.consent.findUniqueOrThrow({ where: { id: made.id }, select: { withdrawnById: true } })).toEqual({
      withdrawnById: town.socialWorker.id,
    });
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
