import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { transferScene } from '../transfers/helpers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const JUSTIFICATION = 'انتقلت الأسرة إلى المدينة الأخرى، وقانون الخدمات الاجتماعية يوجب أن يتبعها الملف.';

/** A signed-in page in Arabic for `user`. */
async function arabicPage(user: { id: string; email: string }) {
  await db.user.update({ where: { id: user.id }, data: { locale: 'ar' }, select: { id: true } });
  const { context, page } = await world.newPage();
  await world.signIn(page, user.email);
  await page.waitForFunction(`document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'`);
  return { context, page };
}

describe('a family that moves city, in Arabic, in a real browser', () => {
  it('A’s coordinator proposes the transfer, B’s accepts, the case opens in B and A’s shows closed as transferred', async () => {
    const s = await transferScene(db);
    // A's partner agency reads the case's plan through a live disclosure (it ends with the transfer).
    const purpose = await db.disclosurePurpose.findFirstOrThrow({ where: { municipalityId: s.A.town.id, code: 'support_services' } });
    await s.a.cases.disclose({
      caseId: s.c.id,
      agencyId: s.A.agency.id,
      purposeId: purpose.id,
      sections: ['plan'],
      legalBasis: 'public_task',
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });

    // 1. City A's coordinator proposes, from the case page, to transfer the case to city B.
    const a = await arabicPage(s.A.coordinator);
    await a.page.goto(`${world.base}/cases/${s.c.id}`);
    const section = a.page.getByTestId('transfer-section');
    await section.getByTestId('transfer-open').click();
    const form = section.getByTestId('transfer-form');
    await form.locator(`select[name=receivingMunicipalityId] option[value="${s.B.town.id}"]`).waitFor({ state: 'attached' });
    await form.locator('select[name=receivingMunicipalityId]').selectOption(s.B.town.id);
    await form.locator('input[name=sections][value=summary]').check();
    await form.locator('input[name=sections][value=notes]').check();
    await form.locator('select[name=legalBasis]').selectOption('public_task');
    // Without its justification, the form says so and nothing is sent.
    await form.getByTestId('transfer-submit').click();
    const error = form.locator('.field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('هذا الحقل مطلوب.');
    expect(await db.caseTransfer.count({ where: { caseId: s.c.id } })).toBe(0);
    await form.locator('textarea[name=justification]').fill(JUSTIFICATION);
    const proposed = answerOf(a.page, 'transfers.propose');
    await form.getByTestId('transfer-submit').click();
    await proposed;
    const entry = section.locator('[data-testid=transfer-entry][data-status=proposed]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('بانتظار المدينة الأخرى');

    // 2. City B's coordinator finds it in the incoming transfers, opens it: no name, no summary, no note.
    const b = await arabicPage(s.B.coordinator);
    await b.page.goto(`${world.base}/transfers`);
    const incoming = b.page.getByTestId('transfer-incoming');
    await incoming.waitFor();
    await incoming.getByTestId('transfer-open-proposal').click();
    const proposal = b.page.getByTestId('transfer-proposal');
    await proposal.waitFor();
    const shown = (await proposal.textContent()) ?? '';
    expect(shown).toContain(JUSTIFICATION);
    expect(shown).not.toContain('Karim');

    // 3. B accepts with a new person record: the case opens in B.
    const accept = proposal.getByTestId('transfer-accept-form');
    await accept.locator('input[name=personId][value=new]').check();
    const accepted = answerOf(b.page, 'transfers.accept');
    await accept.getByTestId('transfer-accept').click();
    await accepted;
    await b.page.getByTestId('transfer-new-case').click();
    await b.page.getByTestId('transfer-received-section').waitFor();
    const opened = await db.case.findFirstOrThrow({ where: { municipalityId: s.B.town.id }, select: { id: true, stage: true } });
    expect(b.page.url()).toContain(`/cases/${opened.id}`);
    expect(opened.stage).toBe('intake');
    const step = b.page.getByTestId('timeline').locator('[data-kind=city_transfer]');
    await step.waitFor();
    expect(await step.textContent()).toContain('وارد بالنقل من');

    // 4. A's case shows closed as transferred, and B's case by its reference only.
    await a.page.reload();
    const done = a.page.locator('[data-testid=transfer-entry][data-status=accepted]');
    await done.waitFor();
    const reference = (await db.case.findUniqueOrThrow({ where: { id: opened.id }, select: { reference: true } })).reference;
    expect(await done.getByTestId('transfer-their-case').textContent()).toContain(reference);
    const closure = a.page.getByTestId('closure-reason');
    await closure.waitFor();
    expect(await closure.textContent()).toContain('نُقل إلى مدينة أخرى');
    expect(await db.case.findUniqueOrThrow({ where: { id: s.c.id }, select: { stage: true, closureReason: true } })).toEqual({
      stage: 'closed',
      closureReason: 'transferred',
    });
    // What the case left behind in A: the disclosure revoked, the open intervention ended, each saying why.
    const ended = 'نُقلت الحالة إلى مدينة أخرى';
    const revoked = a.page.getByTestId('team-section').locator('[data-testid=disclosure][data-status=revoked]');
    await revoked.waitFor();
    expect(await revoked.textContent()).toContain(ended);
    const timeline = a.page.getByTestId('timeline');
    expect(await timeline.locator('[data-kind=revoke]').textContent()).toContain(ended);
    expect(await timeline.locator('[data-kind="intervention.update"]').textContent()).toContain(ended);
    expect(await db.disclosure.count({ where: { caseId: s.c.id, revokedAt: null } })).toBe(0);
    expect(cspViolations).toEqual([]);
    for (const p of [a, b]) await p.context.close();
  });
});
