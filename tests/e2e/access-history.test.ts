import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('the access history', () => {
  it("an auditor searches a case by its reference and sees the practitioner's read of it; the coordinator sees it on the case", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { summary: 'Synthetic summary.', person: { nameLatin: 'Hadia Synthetic' } });
    await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
    await (await callerFor(db, town.practitioner)).caller.cases.get({ id: c.id });
    const practitioner = await db.user.findUniqueOrThrow({ where: { id: town.practitioner.id }, select: { displayName: true } });

    const { context, page } = await world.newPage();
    await world.signIn(page, town.auditor.email);
    await page.goto(`${world.base}/audit`);
    const search = page.getByTestId('history-search');
    await search.locator('input[name=reference]').fill(c.reference.toLowerCase());
    const answered = answerOf(page, 'audit.caseHistory');
    await search.locator('button[type=submit]').click();
    await answered;
    await expect.poll(() => search.getByTestId('history-of').textContent()).toContain(c.reference);
    const read = search.locator('[data-testid=history-row][data-action="case.read"]');
    await read.first().waitFor();
    const text = await read.first().textContent();
    expect(text).toContain(practitioner.displayName);
    expect(text).toContain('Agency practitioner');
    expect(text).toContain('Case viewed');
    expect(text).toMatch(/Summary.*Support plan|Support plan.*Summary/);
    // Nothing raw: no action code, no record id on the page's history.
    expect(await search.getByTestId('history-table').textContent()).not.toMatch(/case\.read|[0-9a-f]{8}-[0-9a-f]{4}/);
    await context.close();

    // The coordinator opens the case and "who has seen this case".
    const coordinator = await world.newPage();
    await world.signIn(coordinator.page, town.coordinator.email);
    await coordinator.page.goto(`${world.base}/cases/${c.id}`);
    const panel = coordinator.page.getByTestId('who-has-seen-Case');
    const shown = answerOf(coordinator.page, 'audit.caseHistory');
    await panel.locator('summary').click();
    await shown;
    await panel.locator('[data-testid=history-row][data-action="audit.history.case"]').first().waitFor();
    expect(await panel.locator('[data-testid=history-row][data-action="case.read"]').count()).toBeGreaterThanOrEqual(2);
    await coordinator.context.close();
    expect(cspViolations).toEqual([]);
  });
});
