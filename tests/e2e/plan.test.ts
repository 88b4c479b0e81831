import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { openIntervention } from '../helpers/crypto.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const signIn = (page: Page, email: string) => world.signIn(page, email);

describe('the support plan on the case page', () => {
  it('the coordinator adds an intervention for a partner; the partner’s practitioner completes it', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, stage: 'planning' });
    await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['summary', 'plan'],
      createdById: town.coordinator.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    });

    const coordinator = await world.newPage();
    await signIn(coordinator.page, town.coordinator.email);
    await coordinator.page.goto(`${world.base}/cases/${c.id}`);
    const plan = coordinator.page.getByTestId('plan-section');
    await plan.getByTestId('add-intervention').click();
    const form = plan.getByTestId('intervention-form');
    // The municipality's first intervention type (modules/lists): mentoring.
    await form.locator('select[name=typeItemId]').selectOption({ index: 1 });
    await form.locator('input[name=title]').fill('Weekly mentoring at the youth centre');
    await form.locator('select[name=agencyId]').selectOption(town.agency.id);
    const added = answerOf(coordinator.page, 'cases.addIntervention');
    await form.locator('button[type=submit]').click();
    await added;
    await plan.getByTestId('intervention').filter({ hasText: 'Weekly mentoring at the youth centre' }).waitFor();
    await coordinator.context.close();

    const partner = await world.newPage();
    await signIn(partner.page, town.practitioner.email);
    await partner.page.goto(`${world.base}/cases/${c.id}`);
    const item = partner.page
      .getByTestId('plan-section')
      .getByTestId('intervention')
      .filter({ hasText: 'Weekly mentoring at the youth centre' });
    await item.getByTestId('update-intervention').click();
    const update = item.getByTestId('intervention-update-form');
    await update.locator('select[name=status]').selectOption('completed');
    await update.locator('textarea[name=outcome]').fill('Attended eight sessions; back in class.');
    const saved = answerOf(partner.page, 'cases.updateIntervention');
    await update.locator('button[type=submit]').click();
    await saved;
    await partner.page.locator('[data-testid=intervention][data-status=completed]').waitFor();
    // The partner never sees the notes section: only summary and plan were shared.
    expect(await partner.page.getByTestId('notes-section').count()).toBe(0);
    const row = await db.intervention.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true, status: true, outcome: true } });
    // Stored sealed, under the case's key.
    expect(row.outcome).toMatch(/^k1\./);
    expect(await openIntervention(db, row)).toEqual({
      id: row.id,
      status: 'completed',
      outcome: 'Attended eight sessions; back in class.',
    });
    expect(cspViolations).toEqual([]);
    await partner.context.close();
  }, 120_000);
});
