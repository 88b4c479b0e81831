import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { transferScene } from '../transfers/helpers.js';

const world = await browserWorld();
const { db, cspViolations } = world;

const SUMMARY = 'شاب يحب الرياضة ويحتاج إلى مرشد في مركز الشباب؛ الأسرة موافقة على التواصل.';
const REASON = 'لا أماكن متاحة هذا الفصل؛ النادي الأقرب إلى بيته لديه مكان.';

/** A signed-in page in Arabic for `user`. */
async function arabicPage(user: { id: string; email: string }) {
  await db.user.update({ where: { id: user.id }, data: { locale: 'ar' }, select: { id: true } });
  const { context, page } = await world.newPage();
  await world.signIn(page, user.email);
  await page.waitForFunction(`document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'`);
  return { context, page };
}

/** Sends (or, in `scope`, re-sends) the form to `agencyId` with the summary and the name shared. */
async function sendForm(
  page: Page,
  scope: ReturnType<Page['getByTestId']>,
  agencyId: string,
  path: 'onward.send' | 'onward.resend',
  intervention?: { label: string; title: string },
) {
  const form = scope.getByTestId('onward-form');
  await form.waitFor();
  await form.locator('select[name=agencyId]').selectOption(agencyId);
  await form.locator('textarea[name=summary]').fill(SUMMARY);
  await form.locator('input[name=share][value=name]').check();
  if (intervention) {
    // The city's own intervention types, by their words in the reader's language.
    const type = form.locator('select[name=interventionTypeItemId]');
    await type.locator('option', { hasText: intervention.label }).waitFor({ state: 'attached' });
    await type.selectOption({ label: intervention.label });
    await form.locator('input[name=interventionTitle]').fill(intervention.title);
  }
  const sent = answerOf(page, path);
  await form.getByTestId('onward-submit').click();
  await sent;
}

describe('an onward referral in Arabic, in a real browser', () => {
  it('sent, declined with a reason, re-sent, accepted, outcome: each step on the case page and in the inbox', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, stage: 'planning' });
    const club = await makeAgency(db, town.town.id, { name: 'نادي رياضي تجريبي' });
    const clubWorker = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: club.id });
    // The town's own word for a shared intervention type (the forms offer it).
    const football = await db.listItem.create({
      data: {
        municipalityId: town.town.id,
        list: 'intervention_type',
        code: 'sport_youth',
        labelAr: 'كرة القدم في الحي',
        labelFr: 'Football de quartier',
        labelEn: 'Street football',
      },
    });

    // 1. The key worker refers the case to the sport club.
    const keyWorker = await arabicPage(town.socialWorker);
    await keyWorker.page.goto(`${world.base}/cases/${c.id}`);
    const section = keyWorker.page.getByTestId('onward-section');
    await section.getByTestId('onward-send-open').click();
    await sendForm(keyWorker.page, section, club.id, 'onward.send');
    const first = section.locator('[data-testid=onward-entry][data-status=sent]');
    await first.waitFor();
    expect(await first.textContent()).toContain('بانتظار الرد');

    // 2. The club's practitioner sees it in "referrals to answer" and declines: first without a reason.
    const clubPage = await arabicPage(clubWorker);
    await clubPage.page.goto(`${world.base}/onward`);
    const received = clubPage.page.getByTestId('onward-received');
    await received.waitFor();
    expect(await received.textContent()).toContain(SUMMARY);
    await received.getByTestId('onward-decline').click();
    const declineForm = received.getByTestId('onward-decline-form');
    await declineForm.getByTestId('onward-decline-submit').click();
    const error = declineForm.locator('.field-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('هذا الحقل مطلوب.');
    expect(await db.onwardReferral.findFirstOrThrow({ where: { caseId: c.id }, select: { status: true } })).toEqual({ status: 'sent' });
    await declineForm.locator('textarea[name=reason]').fill(REASON);
    const declined = answerOf(clubPage.page, 'onward.decline');
    await declineForm.getByTestId('onward-decline-submit').click();
    await declined;
    await clubPage.page.getByTestId('onward-inbox').getByText('لا شيء بانتظار الرد.').waitFor();

    // 3. The key worker reads the reason and sends it again, to the youth centre.
    await keyWorker.page.reload();
    const declinedEntry = keyWorker.page.locator('[data-testid=onward-entry][data-status=declined]');
    await declinedEntry.waitFor();
    expect(await declinedEntry.getByTestId('onward-decline-reason').textContent()).toContain(REASON);
    await declinedEntry.getByTestId('onward-resend-open').click();
    await sendForm(keyWorker.page, declinedEntry, town.agency.id, 'onward.resend', { label: 'كرة القدم في الحي', title: 'دوري السبت' });
    await keyWorker.page.locator('[data-testid=onward-entry][data-status=sent]').waitFor();

    // 4. The youth centre's practitioner accepts, then records the outcome.
    const centre = await arabicPage(town.practitioner);
    await centre.page.goto(`${world.base}/onward`);
    const toAnswer = centre.page.getByTestId('onward-received');
    await toAnswer.waitFor();
    await toAnswer.getByText('كرة القدم في الحي', { exact: false }).waitFor();
    const accepted = answerOf(centre.page, 'onward.accept');
    await toAnswer.getByTestId('onward-accept').click();
    await accepted;
    const outcomeForm = centre.page.getByTestId('onward-outcome-form');
    await outcomeForm.waitFor();
    await outcomeForm.locator('select[name=outcome]').selectOption('engaged');
    const recorded = answerOf(centre.page, 'onward.recordOutcome');
    await outcomeForm.getByTestId('onward-outcome-submit').click();
    await recorded;

    // 5. The key worker sees both referrals and each step, and the timeline carries them.
    await keyWorker.page.reload();
    const done = keyWorker.page.locator('[data-testid=onward-entry][data-status=completed]');
    await done.waitFor();
    expect(await done.getByTestId('onward-outcome').textContent()).toContain('تفاعل مع الخدمة');
    expect(await keyWorker.page.locator('[data-testid=onward-entry]').count()).toBe(2);
    // The timeline loads on its own request after the case: wait for its fifth onward entry before counting.
    const onwardEntries = keyWorker.page.getByTestId('timeline').locator('[data-kind=onward]');
    await onwardEntries.nth(4).waitFor();
    expect(await onwardEntries.count()).toBe(5);
    const rows = await db.onwardReferral.findMany({
      where: { caseId: c.id },
      orderBy: { sentAt: 'asc' },
      select: { status: true, agencyId: true, resendOfId: true, id: true },
    });
    expect(rows.map((r) => [r.status, r.agencyId])).toEqual([
      ['declined', club.id],
      ['completed', town.agency.id],
    ]);
    expect(rows[1]!.resendOfId).toBe(rows[0]!.id);
    // The intervention made on acceptance names the city's item the key worker chose.
    const made = await db.onwardReferral.findUniqueOrThrow({ where: { id: rows[1]!.id }, select: { interventionId: true } });
    expect(await db.intervention.findUniqueOrThrow({ where: { id: made.interventionId! } })).toMatchObject({
      type: 'sport_youth',
      typeItemId: football.id,
    });
    expect(cspViolations).toEqual([]);
    for (const p of [keyWorker, clubPage, centre]) await p.context.close();
  });

  it('withdrawn when the case moves to another city: the open inbox refuses the answer, the case page says why', async () => {
    const s = await transferScene(db);
    const sent = await s.a.onward.send({ caseId: s.c.id, agencyId: s.A.agency.id, summary: SUMMARY });
    const proposal = await s.a.transfers.propose({
      caseId: s.c.id,
      receivingMunicipalityId: s.B.town.id,
      sections: ['summary'],
      legalBasis: 'consent',
      consentId: s.consentId,
    });
    // The partner's inbox is open on it when the other city accepts the transfer.
    const partner = await arabicPage(s.A.practitioner);
    await partner.page.goto(`${world.base}/onward`);
    const received = partner.page.getByTestId('onward-received');
    await received.waitFor();
    await s.b.transfers.accept({ id: proposal.id, personId: null });
    const refused = partner.page.waitForResponse((res) => new URL(res.url()).pathname === '/trpc/onward.accept');
    await received.getByTestId('onward-accept').click();
    expect((await refused).status()).toBe(409);
    await partner.page.getByRole('alert').filter({ hasText: 'سُحبت هذه الإحالة: انتقل الملف إلى مدينة أخرى.' }).waitFor();
    expect(await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id }, select: { status: true, answeredAt: true } })).toEqual({
      status: 'withdrawn',
      answeredAt: null,
    });
    await partner.page.reload();
    await partner.page.getByTestId('onward-inbox').getByText('لا شيء بانتظار الرد.').waitFor();
    expect(await partner.page.getByTestId('onward-received').count()).toBe(0);

    // The sending city's coordinator sees it withdrawn, when and why.
    const coordinator = await arabicPage(s.A.coordinator);
    await coordinator.page.goto(`${world.base}/cases/${s.c.id}`);
    const entry = coordinator.page.locator('[data-testid=onward-entry][data-status=withdrawn]');
    await entry.waitFor();
    expect(await entry.locator('.badge').textContent()).toBe('سُحبت');
    expect(await entry.getByTestId('onward-withdrawn').textContent()).toContain('انتقل الملف إلى مدينة أخرى');
    expect(await entry.getByTestId('onward-resend-open').count()).toBe(0);
    expect(cspViolations).toEqual([]);
    for (const p of [partner, coordinator]) await p.context.close();
  });
});
