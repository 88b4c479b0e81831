import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';

const world = await browserWorld();

/** Waits for the answer of one procedure, a refusal included (answerOf waits for a success). */
const replyOf = (page: Page, path: string) => page.waitForResponse((res) => new URL(res.url()).pathname === `/trpc/${path}`);
const { db, cspViolations } = world;

describe('corrections and conflicts on the web', () => {
  it('a summary saved by someone else since the form opened is refused, both texts shown; the history shows old → new', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, summary: 'Synthetic first summary.' });
    const coordinatorName = (await db.user.findUniqueOrThrow({ where: { id: town.coordinator.id }, select: { displayName: true } }))
      .displayName;

    const { context, page } = await world.newPage();
    await world.signIn(page, town.socialWorker.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const section = page.getByTestId('summary-section');
    await section.getByTestId('edit-summary').click();
    await section.locator('textarea[name=summary]').fill('Key worker’s revision, typed while the coordinator saved.');
    // Meanwhile the coordinator saves their own revision.
    await (await callerFor(db, town.coordinator)).caller.cases.updateSummary({ id: c.id, version: 1, summary: 'Coordinator’s revision.' });
    const refused = replyOf(page, 'cases.updateSummary');
    await section.locator('button[type=submit]').click();
    await refused;
    const conflict = section.getByTestId('conflict');
    await conflict.waitFor();
    expect(await section.getByRole('alert').first().textContent()).toContain(coordinatorName);
    expect(await conflict.getByTestId('conflict-theirs').textContent()).toContain('Coordinator’s revision.');
    expect(await conflict.getByTestId('conflict-yours').textContent()).toContain(
      'Key worker’s revision, typed while the coordinator saved.',
    );
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } })).version).toBe(2);

    // Starting again from their version, the save goes through.
    await section.getByTestId('start-again').click();
    // The form reads the case again: their text (and version) in the box, ready to edit on top of.
    await expect.poll(() => section.locator('textarea[name=summary]').inputValue()).toBe('Coordinator’s revision.');
    await section.locator('textarea[name=summary]').fill('Key worker’s revision, on top of the coordinator’s.');
    const saved = answerOf(page, 'cases.updateSummary');
    await section.locator('button[type=submit]').click();
    await saved;
    await section.getByTestId('summary-text').filter({ hasText: 'on top of the coordinator’s' }).waitFor();

    const changes = page.getByTestId('case-changes');
    await changes.getByTestId('case-history-toggle').click();
    const rows = changes.getByTestId('case-history-summary').locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.first().textContent()).toContain('Coordinator’s revision.');
    expect(await rows.first().textContent()).toContain('on top of the coordinator’s');
    expect(await rows.nth(1).textContent()).toContain('Synthetic first summary.');
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  it('the referrer corrects a misspelt name (an emptied name is refused at the field) and the referral’s urgency', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id, { nameLatin: 'Yousra Synthetik' });
    const referral = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person });
    const { context, page } = await world.newPage();
    await world.signIn(page, town.socialWorker.email);
    await page.goto(`${world.base}/referrals/${referral.id}`);
    const changes = page.getByTestId('referral-changes');

    await changes.getByTestId('correct-person').click();
    const form = changes.getByTestId('correct-person-form');
    await form.locator('input[name=nameLatin]').fill('');
    const refused = replyOf(page, 'people.correct');
    await form.locator('button[type=submit]').click();
    await refused;
    await form.locator('input[name=nameLatin][aria-invalid=true]').waitFor();
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { nameLatin: true } })).nameLatin).toBe(
      'Yousra Synthetik',
    );
    await form.locator('input[name=nameLatin]').fill('Yousra Synthetic');
    const corrected = answerOf(page, 'people.correct');
    await form.locator('button[type=submit]').click();
    await corrected;
    await page.getByTestId('referral').filter({ hasText: 'Yousra Synthetic' }).waitFor();

    await changes.getByTestId('correct-referral').click();
    const facts = changes.getByTestId('correct-referral-form');
    await facts.locator('select[name=urgency]').selectOption('priority');
    await facts.locator('textarea[name=concernCorrection]').fill('The slogans were heard at the sports club, not at school.');
    const savedFacts = answerOf(page, 'referrals.correct');
    await facts.locator('button[type=submit]').click();
    await savedFacts;
    await changes.getByTestId('referral-history-toggle').click();
    const table = changes.getByTestId('referral-history-referral');
    await table.locator('tbody tr').nth(1).waitFor();
    expect(await table.textContent()).toContain('sports club');
    expect(await db.referral.findUniqueOrThrow({ where: { id: referral.id }, select: { urgency: true, version: true } })).toEqual({
      urgency: 'priority',
      version: 2,
    });
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
  it('the coordinator corrects a person’s other details from the case page and reads the change in its history', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    const { context, page } = await world.newPage();
    await world.signIn(page, town.coordinator.email);
    await page.goto(`${world.base}/cases/${c.id}`);
    const changes = page.getByTestId('case-changes');
    await changes.getByTestId('correct-person').click();
    const form = changes.getByTestId('correct-person-form');
    await form.locator('select[name=sex]').waitFor();
    await form.locator('select[name=sex]').selectOption('female');
    await form.locator('input[name=guardianName]').fill('Synthetic Guardian');
    const saved = answerOf(page, 'people.correct');
    await form.locator('button[type=submit]').click();
    await saved;
    expect(
      await db.person.findUniqueOrThrow({ where: { id: c.person.id }, select: { sex: true, guardianName: true, version: true } }),
    ).toEqual({
      sex: 'female',
      guardianName: 'Synthetic Guardian',
      version: 2,
    });
    await changes.getByTestId('case-history-toggle').click();
    const table = changes.getByTestId('case-history-person');
    await table.locator('tbody tr').nth(1).waitFor();
    expect(await table.textContent()).toContain('Synthetic Guardian');
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);
});
