import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase, purposeIdOf } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/**
 * Markup that runs script if anything renders it as HTML: an image's error handler, an SVG's load
 * handler, a script element, a `javascript:` URL as link text, and a quote that closes an attribute.
 * The Content Security Policy would stop the inline code; the test checks that nothing becomes an
 * element in the first place, so it does not depend on that second line of defence.
 */
const PAYLOAD = `<img src=x onerror=window.__xss=1>"><svg onload=alert(1)><script>window.__xss=2</script> javascript:alert(3)`;
const tagged = (what: string) => `${what} ${PAYLOAD}`;

const signIn = (page: Page, email: string) => world.signIn(page, email);

/** What the page made of the payload: it must all be text, no element and no script run. */
async function injected(page: Page) {
  // A string, evaluated in the page (the tests are type-checked without the DOM's types).
  return page.evaluate(`({
    xss: window.__xss ?? null,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__xss')).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  })`);
}

describe('stored text is rendered as text', () => {
  it('an XSS payload in every free-text field shows literally on every page, and nothing runs', async () => {
    const town = await makeTown(db);
    // Names an admin could have typed; stored as they are.
    await db.agency.update({ where: { id: town.agency.id }, data: { name: tagged('Agency') } });
    await db.user.update({ where: { id: town.socialWorker.id }, data: { displayName: tagged('Worker') } });
    await db.user.update({ where: { id: town.practitioner.id }, data: { displayName: tagged('Practitioner') } });
    // A name that is a spreadsheet formula, for the audit log's CSV export.
    const FORMULA = '=HYPERLINK("http://example.invalid","open")';
    await db.user.update({ where: { id: town.coordinator.id }, data: { displayName: FORMULA } });

    const clock = manualClock(new Date());
    const coordinator = (await callerFor(db, town.coordinator, { clock })).caller;
    const c = await makeCase(db, town, {
      keyWorkerId: town.socialWorker.id,
      stage: 'planning',
      person: { nameLatin: tagged('Person'), nameArabic: tagged('شخص') },
    });
    await coordinator.cases.updateSummary({ id: c.id, version: 1, summary: tagged('Summary') });
    await coordinator.cases.addNote({ caseId: c.id, body: tagged('Note') });
    const intervention = await coordinator.cases.addIntervention({
      caseId: c.id,
      type: 'mentoring',
      title: tagged('Intervention'),
      agencyId: town.agency.id,
      assigneeId: town.practitioner.id,
    });
    await coordinator.cases.updateIntervention({ id: intervention.id, version: 1, status: 'active', outcome: tagged('Outcome') });
    await coordinator.cases.disclose({
      caseId: c.id,
      agencyId: town.agency.id,
      purposeId: await purposeIdOf(db, town.town.id),
      purposeWords: tagged('Purpose'),
      sections: ['summary', 'notes', 'plan'],
      legalBasis: 'public_task',
      expiresAt: new Date(clock().getTime() + 7 * 86_400_000),
    });
    await coordinator.cases.changeStage({ id: c.id, stage: 'intervention', reason: tagged('Reason') });
    const referral = await (await callerFor(db, town.socialWorker, { clock })).caller.referrals.create({
      newPerson: { nameLatin: tagged('Referred'), birthYear: 1990, cohort: 'youth' },
      cohort: 'youth',
      source: 'school',
      concernCategories: ['other'],
      concernText: tagged('Concern'),
      urgency: 'routine',
      consent: { given: true, by: 'person', at: new Date(clock().getTime() - 86_400_000), scope: tagged('Scope') },
    });

    /** Each page, who looks at it, and the payloads it must show as text. */
    const visits: { email: string; path: string; shows: string[] }[] = [
      // First: the log's first page holds the newest events, and every later visit adds its own reads.
      { email: town.auditor.email, path: '/audit', shows: ['Worker'].map(tagged) },
      {
        email: town.coordinator.email,
        path: `/cases/${c.id}`,
        shows: ['Person', 'Summary', 'Note', 'Intervention', 'Outcome', 'Purpose', 'Agency', 'Worker', 'Reason'].map(tagged),
      },
      { email: town.coordinator.email, path: '/cases', shows: [tagged('Person')] },
      { email: town.coordinator.email, path: '/referrals/queue', shows: [tagged('Referred')] },
      { email: town.coordinator.email, path: `/referrals/${referral.id}`, shows: ['Referred', 'Concern', 'Worker'].map(tagged) },
      { email: town.practitioner.email, path: `/cases/${c.id}`, shows: ['Summary', 'Note', 'Intervention', 'Outcome'].map(tagged) },
      { email: town.admin.email, path: '/admin/agencies', shows: [tagged('Agency')] },
      { email: town.admin.email, path: '/admin/users', shows: ['Worker', 'Practitioner'].map(tagged) },
    ];
    const dialogs: string[] = [];
    const signedIn = new Map<string, Awaited<ReturnType<typeof world.newPage>>>();
    for (const visit of visits) {
      if (!signedIn.has(visit.email)) {
        const opened = await world.newPage();
        opened.page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await signIn(opened.page, visit.email);
        signedIn.set(visit.email, opened);
      }
      const { page } = signedIn.get(visit.email)!;
      await page.goto(`${world.base}${visit.path}`);
      // Visible text (a hidden <option> of a filter holds names too).
      for (const text of visit.shows) {
        await page
          .getByText(text, { exact: false })
          .locator('visible=true')
          .first()
          .waitFor()
          .catch((e: Error) => {
            throw new Error(`${visit.path} as ${visit.email}: ${e.message}`);
          });
      }
      expect(await injected(page), visit.path).toEqual({ xss: null, images: 0, svgs: 0, scripts: 0, jsLinks: 0 });
    }

    // The auditor's CSV export downloads, with the formula made inert and the markup kept as text.
    const auditPage = signedIn.get(town.auditor.email)!.page;
    const [download] = await Promise.all([auditPage.waitForEvent('download'), auditPage.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain(`,"'${FORMULA.replaceAll('"', '""')}",`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(tagged('Worker').replaceAll('"', '""'));
    await auditPage.getByTestId('audit-exported').waitFor();

    for (const { context } of signedIn.values()) await context.close();
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 300_000);
});
