import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { overflow } from './page-checks.js';

const world = await browserWorld();
const { db, cspViolations } = world;

describe('purposes and the record of processing in the browser', () => {
  it('the admin keeps the list in French; in Arabic a coordinator is told why a police disclosure is refused, then prints the record', async () => {
    const town = await makeTown(db);
    await db.user.update({ where: { id: town.admin.id }, data: { locale: 'fr' }, select: { id: true } });
    await db.user.update({ where: { id: town.coordinator.id }, data: { locale: 'ar' }, select: { id: true } });
    const police = await makeAgency(db, town.town.id, { kind: 'police_liaison', name: 'Synthetic police liaison' });
    const c = await makeCase(db, town);
    // The summary was shared for prevention with the town's agency.
    await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['summary'],
      purposeCode: 'prevention',
      expiresAt: new Date(Date.now() + 10 * 86_400_000),
      createdById: town.coordinator.id,
    });

    // 1. The admin adds a purpose (labels in the three languages), then retires it.
    const { page, context } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/purposes`);
    await page.getByTestId('purpose-row').first().waitFor();
    expect(await page.getByTestId('purpose-row').count()).toBe(10);
    await page.getByTestId('new-purpose').click();
    const form = page.getByTestId('purpose-create-form');
    await form.locator('select[name=code]').selectOption('education');
    await form.locator('input[name=labelAr]').fill('دعم مدرسي');
    await form.locator('input[name=labelFr]').fill('Soutien scolaire');
    await form.locator('input[name=labelEn]').fill('School support');
    const created = answerOf(page, 'purposes.create');
    await form.locator('button[type=submit]').click();
    await created;
    const row = page.getByTestId('purpose-row').filter({ hasText: 'Soutien scolaire' });
    await row.waitFor();
    const retired = answerOf(page, 'purposes.update');
    await row.getByRole('button', { name: 'Retirer' }).click();
    await row.getByRole('button', { name: 'Confirmer : Retirer' }).click();
    await retired;
    await row.getByText('Retirée').waitFor();
    expect(
      await db.disclosurePurpose.findFirstOrThrow({ where: { municipalityId: town.town.id, labelEn: 'School support' } }),
    ).toMatchObject({
      code: 'education',
      retiredAt: expect.any(Date),
    });
    await context.close();

    // 2. The coordinator, in Arabic: the retired purpose is not offered; a criminal investigation to the police
    // liaison of what was shared for prevention is refused, with the rule beside the purpose.
    const coordinator = await world.newPage();
    const p = coordinator.page;
    await world.signIn(p, town.coordinator.email);
    await p.goto(`${world.base}/cases/${c.id}`);
    await p.getByTestId('add-disclosure').click();
    const disclose = p.getByTestId('disclosure-form');
    await disclose.locator('select[name=purposeId] option').nth(1).waitFor({ state: 'attached' });
    expect(await disclose.locator('select[name=purposeId]').textContent()).not.toContain('دعم مدرسي');
    await disclose.locator('select[name=agencyId]').selectOption({ label: 'Synthetic police liaison (ضابط اتصال بالشرطة)' });
    await disclose.locator('select[name=purposeId]').selectOption({ label: 'التحقيق الجنائي' });
    await disclose.getByTestId('disclosure-sections').locator('input[value=summary]').check();
    await disclose.locator('select[name=legalBasis]').selectOption('legal_obligation');
    await disclose.locator('button[type=submit]').click();
    await disclose.getByText('ما شورك لغرض الوقاية لا يجوز أن يذهب إلى جهة الاتصال بالشرطة').waitFor();
    expect(await db.disclosure.count({ where: { caseId: c.id, agencyId: police.id } })).toBe(0);

    // 3. The record of processing: the recipients with their counts, printable, audited.
    const read = answerOf(p, 'processingRecord.get');
    await p.goto(`${world.base}/processing-record`);
    await read;
    await p.getByTestId('print-button').waitFor();
    expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await p.getByTestId('record-recipients').textContent()).toContain(town.agency.name);
    expect(await p.getByTestId('record-recipients').textContent()).not.toContain('Synthetic police liaison');
    expect(await p.getByTestId('record-controller').textContent()).toBe(
      (await db.municipality.findUniqueOrThrow({ where: { id: town.town.id } })).name,
    );
    expect(await overflow(p)).toBeNull();
    expect(
      await db.auditEvent.count({ where: { actorId: town.coordinator.id, action: 'processingRecord.read', outcome: 'allowed' } }),
    ).toBe(1);
    await coordinator.context.close();
    expect(cspViolations).toEqual([]);
  });
});
