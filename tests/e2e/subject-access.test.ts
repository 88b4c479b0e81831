import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const styleOf = (page: Page, selector: string, property: string) =>
  page.evaluate<string | null>(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return el ? getComputedStyle(el).getPropertyValue(${JSON.stringify(property)}) : null; })()`,
  );

describe('subject access in the browser', () => {
  it('a coordinator working in Arabic prepares a French document, withholds a restricted note with a reason, releases and prints it', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const c = await makeCase(db, town, { person: { nameLatin: 'Salma Synthetic' }, summary: 'Synthetic summary: back at school.' });
    const { caller } = await callerFor(db, town.coordinator);
    await caller.cases.addNote({ caseId: c.id, body: 'Synthetic restricted note told in confidence.', sensitivity: 'restricted' });

    const { page, context } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.waitForFunction(`document.documentElement.lang === 'ar'`);
    // The way in: the person's section of the case page.
    await page.goto(`${world.base}/cases/${c.id}`);
    await page.getByTestId('sa-link').click();

    // Prepare, in the person's language (French), whatever the interface's (Arabic).
    const prepare = page.getByTestId('sa-prepare');
    await prepare.locator('select[name=language]').selectOption('fr');
    await prepare.getByTestId('sa-prepare-submit').click();
    await page.getByTestId('sa-review').waitFor();
    expect(await page.getByTestId('sa-pending').textContent()).toContain('عناصر بانتظار قرارك');
    expect(await page.getByTestId('sa-document').getAttribute('lang')).toBe('fr');
    expect(await page.getByTestId('sa-document').textContent()).toContain('Synthetic restricted note told in confidence.');

    // Review: withhold the restricted note with a reason, include the rest.
    const choices = page.getByTestId('sa-choice');
    for (let i = 0; i < (await choices.count()); i++) {
      const choice = choices.nth(i);
      const key = (await choice.getAttribute('data-key')) ?? '';
      if (key.startsWith('restricted_note:')) {
        await choice.locator('input[value=withhold]').check();
        await choice.getByTestId('sa-reason').fill('Synthetic reason: a third party spoke in confidence.');
      } else {
        await choice.locator('input[value=include]').check();
      }
    }
    const reviewed = answerOf(page, 'subjectAccess.review');
    await page.getByTestId('sa-save-decisions').click();
    await reviewed;
    await page.getByTestId('sa-pending').filter({ hasText: 'تم البت' }).waitFor();

    // Release: handed over; locked.
    const release = page.getByTestId('sa-release');
    await release.locator('select[name=releaseMethod]').selectOption('handed_over');
    await release.getByTestId('sa-release-submit').click();
    await page.getByTestId('sa-released').waitFor();
    expect(await db.subjectAccessRequest.count({ where: { personId: c.person.id, releaseMethod: 'handed_over' } })).toBe(1);

    // The printed document: French words in a French sheet inside the Arabic app; the note withheld with its reason.
    const printed = answerOf(page, 'subjectAccess.document');
    await page.getByTestId('sa-print-link').click();
    await printed;
    await page.getByTestId('print-button').waitFor();
    const sheet = page.getByTestId('sa-print');
    expect(await sheet.getAttribute('lang')).toBe('fr');
    expect(await styleOf(page, '[data-testid=sa-print]', 'direction')).toBe('ltr');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('Les données personnelles conservées à votre sujet');
    expect(text).toContain('Synthetic summary: back at school.');
    expect(text).toContain('Retenu : Synthetic reason: a third party spoke in confidence.');
    expect(text).not.toContain('told in confidence.');
    await page.emulateMedia({ media: 'print' });
    expect(await styleOf(page, '.app-nav', 'display')).toBe('none');
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    expect(await styleOf(page, 'body', 'color')).toBe('rgb(0, 0, 0)');

    const audited = await db.auditEvent.findMany({
      where: { actorId: town.coordinator.id, action: { startsWith: 'subject_access.' }, outcome: 'allowed' },
      select: { action: true },
    });
    expect(new Set(audited.map((e) => e.action))).toEqual(
      new Set([
        'subject_access.list',
        'subject_access.prepare',
        'subject_access.view',
        'subject_access.review',
        'subject_access.release',
        'subject_access.download',
      ]),
    );
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
