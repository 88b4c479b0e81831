import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { evaluateMunicipality } from '../../src/modules/audit/rules/run.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** Eleven refused case reads by one social worker within the window: a repeated_denials flag (limit 10). */
async function raiseDenials() {
  const town = await makeTown(db);
  const at = new Date('2026-01-15T09:00:00Z');
  const trail = new AuditTrail(
    { municipalityId: town.town.id, actorId: town.socialWorker.id, actorRole: 'social_worker', requestId: 'test', ip: null },
    () => at,
  );
  for (let i = 0; i < 11; i++) trail.record({ action: 'case.read', entityType: 'Case', entityId: randomUUID(), outcome: 'denied' });
  await trail.flush(db);
  expect((await evaluateMunicipality(db, town.town.id, { clock: () => new Date('2026-01-16T12:00:00Z') })).raised).toBe(1);
  return town;
}

describe("the auditor's flags", () => {
  it('the auditor opens a flag, sees the rule and its events in words, and reviews it with a note', async () => {
    const town = await raiseDenials();
    const { context, page } = await world.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await world.signIn(page, town.auditor.email);
    await page.goto(`${world.base}/audit`);
    const row = page.locator('[data-testid=flag-row][data-kind=repeated_denials]');
    await row.waitFor();
    const opened = answerOf(page, 'audit.flag');
    await row.getByTestId('flag-open').click();
    await opened;

    const flag = page.getByTestId('flag');
    await flag.waitFor();
    expect(await flag.locator('h1').textContent()).toBe('Many refusals');
    const figures = flag.getByTestId('flag-figures');
    expect(await figures.locator('[data-figure=count]').textContent()).toBe('11');
    expect(await figures.locator('[data-figure=limit]').textContent()).toBe('10');
    expect(await figures.locator('[data-figure=minutes]').textContent()).toMatch(/\d+ minutes/);
    expect(await figures.textContent()).toContain('Counted');

    const events = flag.locator('[data-testid=flag-event]');
    expect(await events.count()).toBe(11);
    const first = await events.first().textContent();
    expect(first).toContain('Social worker');
    expect(first).toContain('Case viewed');
    expect(first).toContain('Denied');
    // Nothing raw: no action code, no detail key, no record id.
    expect(await flag.textContent()).not.toMatch(/case\.read|repeated_denials|limit:|[0-9a-f]{8}-[0-9a-f]{4}/);

    // An empty note is refused, in words, at the field.
    const form = flag.getByTestId('flag-review-form');
    const refused = page.waitForResponse((r) => r.url().includes('audit.reviewFlag'));
    await form.getByTestId('flag-review-submit').click();
    await refused;
    await expect.poll(() => form.locator('.field-error').textContent()).toBe('Write a note: what you checked, or why you pass it on.');

    await form.locator('textarea[name=note]').fill('Checked with the supervisor: a wrong link in a meeting invitation.');
    const reviewed = answerOf(page, 'audit.reviewFlag');
    await form.getByTestId('flag-review-submit').click();
    await reviewed;
    await expect.poll(() => flag.getAttribute('data-status')).toBe('reviewed');
    expect(await flag.getByTestId('flag-note').textContent()).toBe('Checked with the supervisor: a wrong link in a meeting invitation.');
    expect(await flag.getByTestId('flag-review-form').count()).toBe(0);
    // Nothing overflows the narrow screen but the events' own scrolling table.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // The list says so too.
    await page.getByRole('link', { name: 'All flags' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('reviewed');
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
