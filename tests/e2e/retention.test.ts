import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { runRetention } from '../../src/modules/retention/run.js';
import { systemClock } from '../../src/lib/clock.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const DAY = 86_400_000;
/** `months` months before now, plus `days`. */
const monthsAgo = (months: number, days = 0) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return new Date(d.getTime() + days * DAY);
};

describe('retention in the browser (Arabic)', () => {
  it('the coordinator previews what goes next, places a legal hold from the case page, and prints a deletion certificate', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    // Closed 36 months ago less ten days: due in ten days. Closed 40 months ago: due already.
    const soon = await makeCase(db, town, { summary: 'Synthetic summary kept under a hold.' });
    const gone = await makeCase(db, town, { summary: 'Synthetic summary to be erased.' });
    await db.case.update({ where: { id: soon.id }, data: { stage: 'closed', closedAt: monthsAgo(36, 10), closureReason: 'risk_reduced' } });
    await db.case.update({ where: { id: gone.id }, data: { stage: 'closed', closedAt: monthsAgo(40), closureReason: 'risk_removed' } });
    expect(await runRetention(db, town.town.id, systemClock)).toMatchObject({ certificates: 1, cases: 1 });

    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);

    // The preview: the case due in ten days, not held.
    const previewed = answerOf(page, 'retention.preview');
    await page.goto(`${world.base}/retention`);
    await previewed;
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#retention-title').textContent()).toBe('حفظ البيانات ومحوها');
    const row = page.getByTestId('preview-row').filter({ hasText: soon.reference });
    expect(await row.getAttribute('data-held')).toBe('no');
    expect(await row.textContent()).toContain('ملف مغلق');

    // The anonymised case shows when and under which rule, nothing else.
    await page.goto(`${world.base}/cases/${gone.id}`);
    expect(await page.getByTestId('anonymised-banner').textContent()).toContain('جُهِّل في');
    expect(await page.locator('main').textContent()).not.toContain('Synthetic summary to be erased.');

    // A hold from the case page: a reason too short is refused beside its field, then the hold is placed.
    await page.goto(`${world.base}/cases/${soon.id}`);
    const form = page.getByTestId('hold-form');
    await form.locator('textarea[name=reason]').fill('قصير');
    await form.locator('button[type=submit]').click();
    await form.locator('.field-error, [id$=-error]').first().waitFor();
    expect(await db.legalHold.count({ where: { caseId: soon.id } })).toBe(0);
    await form.locator('textarea[name=reason]').fill('أمر قضائي اصطناعي بحفظ الملف');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('hold-live').waitFor();
    expect(await page.getByTestId('hold-live').textContent()).toContain('أمر قضائي اصطناعي بحفظ الملف');
    expect(await db.legalHold.count({ where: { caseId: soon.id, liftedAt: null } })).toBe(1);

    // Back on the preview, the case is marked held.
    await page.goto(`${world.base}/retention`);
    await page.getByTestId('preview-row').filter({ hasText: soon.reference }).and(page.locator('[data-held=yes]')).waitFor();

    // The certificate, printed: counts, the audit event's hash, the print recorded.
    const cert = await db.deletionCertificate.findFirstOrThrow({
      where: { municipalityId: town.town.id },
      select: { id: true, auditHash: true },
    });
    const printed = answerOf(page, 'retention.certificate');
    await page.getByTestId('certificate-print').first().click();
    await printed;
    await page.getByTestId('print-button').waitFor();
    expect(await page.getByTestId('certificate-hash').textContent()).toBe(cert.auditHash);
    expect(await page.getByTestId('certificate-cases').textContent()).toMatch(/^(1|١)$/);
    expect(await page.locator('.print-sheet').textContent()).not.toContain('Synthetic');
    expect(
      await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'retention.certificate.print', entityId: cert.id } }),
    ).toBe(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
