import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from '../e2e/browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { activeFactors, makeAssessment, makeAssessor } from '../helpers/assessment-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const signIn = (page: Page, email: string) => world.signIn(page, email);

describe('assessments on the case page', () => {
  it('a trained coordinator adds an assessment with an unknown factor; the trend chart and table show; a practitioner only reads', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { stage: 'assessment' });
    await makeAssessor(db, town.coordinator);
    await makeAssessment(db, c, {
      assessorId: town.coordinator.id,
      assessedAt: new Date(Date.now() - 30 * 86_400_000),
      pick: (f) => (f.domain === 'protective' ? 'absent' : 'high'),
    });
    await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['assessments'],
      createdById: town.coordinator.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    });
    const factors = await activeFactors(db, town.town.id);

    const { page, context } = await world.newPage();
    await signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const section = page.getByTestId('assessments-section');
    await section.getByTestId('assessment').first().waitFor();
    await section.getByTestId('add-assessment').click();
    const form = section.getByTestId('assessment-form');
    for (const [i, f] of factors.entries()) {
      const value = i === 0 ? 'unknown' : f.domain === 'protective' ? 'present' : 'low';
      await form.locator(`input[name="rating-${f.id}"][value="${value}"]`).check();
    }
    await form.locator(`input[name="comment-${factors[0]!.id}"]`).fill('Not discussed yet with the family.');
    await form.locator('textarea[name=overallJudgement]').fill('Much calmer than last month; keep the mentoring going.');
    const saved = answerOf(page, 'assessments.create');
    await form.locator('button[type=submit]').click();
    await saved;
    await section.getByTestId('assessment').nth(1).waitFor();
    const newest = section.getByTestId('assessment').first();
    expect(await newest.getByTestId('judgement').textContent()).toBe('Much calmer than last month; keep the mentoring going.');
    const unknown = newest.locator(`[data-testid=rating][data-factor="${factors[0]!.code}"]`);
    expect(await unknown.getAttribute('data-rating')).toBe('unknown');
    expect(await unknown.locator('.rating-badge').textContent()).toBe('Unknown');
    expect(await newest.locator('[data-rating=low]').count()).toBe(11);
    // Two assessments: the chart is drawn (uPlot, loaded on demand) beside its table.
    await section.getByTestId('trend-chart').locator('canvas').waitFor();
    expect(await section.getByTestId('trend-table').locator('tbody tr').count()).toBe(2);
    await context.close();

    const partner = await world.newPage();
    await signIn(partner.page, town.practitioner.email);
    await partner.page.goto(`${world.base}/cases/${c.id}`);
    const shared = partner.page.getByTestId('assessments-section');
    await shared.getByTestId('assessment').nth(1).waitFor();
    expect(await shared.getByTestId('add-assessment').count()).toBe(0);
    expect(cspViolations).toEqual([]);
    await partner.context.close();
  }, 120_000);

  it('the admin retires a factor and adds one, in Arabic', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.admin.id }, data: { locale: 'ar' } });
    const { page, context } = await world.newPage();
    await signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/assessment-factors`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const row = page.locator('[data-testid=factor-row][data-code=cap_history]');
    await row.waitFor();
    await row.getByRole('button', { name: 'إيقاف' }).click();
    const retired = answerOf(page, 'assessments.updateFactor');
    await row.getByRole('button', { name: /إيقاف/ }).last().click();
    await retired;
    await page.locator('[data-testid=factor-row][data-code=cap_history].retired').waitFor();

    await page.getByTestId('new-factor').click();
    const form = page.getByTestId('factor-create-form');
    await form.locator('select[name=domain]').selectOption('protective');
    await form.locator('input[name=labelAr]').fill('دعم الأقران في المدرسة');
    await form.locator('input[name=labelFr]').fill("Soutien des pairs à l'école");
    await form.locator('input[name=labelEn]').fill('Peer support at school');
    const created = answerOf(page, 'assessments.createFactor');
    await form.locator('button[type=submit]').click();
    await created;
    await page.locator('[data-domain=protective] [data-testid=factor-row]').filter({ hasText: 'دعم الأقران في المدرسة' }).waitFor();
    expect(await db.assessmentFactor.count({ where: { municipalityId: town.town.id, active: true } })).toBe(16);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
