import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { answerOf, browserWorld } from './browser.js';
import { coordinationScenario, dayFromNow } from './coordination-scenario.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { activeFactors } from '../helpers/assessment-factories.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { verifyChain } from '../../src/audit/verify.js';
import { openIntervention, openStored } from '../helpers/crypto.js';

const world = await browserWorld();
const { db, cspViolations } = world;

/** Signs in on the sign-in page and waits for the home page. */
async function signIn(page: Page, email: string) {
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Password').fill(TEST_PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByTestId('sign-in-form').waitFor();
}

/** Follows a link of the main navigation. */
const navigate = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();

/** From the case list to the case's page. */
async function openCase(page: Page, listLink: string, reference: string) {
  await navigate(page, listLink);
  await page.getByTestId('case-row').getByRole('link', { name: reference }).click();
  await page.getByTestId('case-reference').filter({ hasText: reference }).waitFor();
}

/** A calendar day as the English pages write it (date columns are midnight UTC). */
const utcDay = (d: Date) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);

/** The audited writes of this journey, in the order they happen. */
const WRITES = new Set([
  'assessment.create',
  'case.intervention.create',
  'case.intervention.update',
  'meeting.schedule',
  'meeting.decide',
  'case.review',
  'case.close',
  'case.stage.change',
]);

/** A factor's row of the assessment form, by its code. */
const factorRow = (form: Locator, code: string) => form.locator(`[data-testid=factor-row][data-factor="${code}"]`);

describe('coordinating the intervention in a real browser', () => {
  it('assessment, plan, panel decision with dissent, a partner completes its part, the overdue review in "my work", closure with a follow-up', async () => {
    const s = await coordinationScenario(db);
    const reference = s.case.reference;
    const mentoringDue = dayFromNow(30);
    const schoolDue = dayFromNow(45);

    // The coordinator keeps her browser open all along; the others share a second one in turn.
    const coordinator = await world.newPage();
    const desk = coordinator.page;
    await desk.goto(`${world.base}/`);
    await signIn(desk, s.coordinator.email);
    let page = desk;

    // 1. The coordinator, a trained assessor, rates every factor: intent to harm is explicitly unknown.
    await openCase(page, 'Cases', reference);
    const assessments = page.getByTestId('assessments-section');
    await assessments.getByText('No assessment yet.').waitFor();
    await assessments.getByRole('button', { name: 'Add an assessment' }).click();
    const form = assessments.getByTestId('assessment-form');
    const rows = form.getByTestId('factor-row');
    await rows.first().waitFor();
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-factor') ?? ''));
    // The form asks about every factor of the municipality's framework.
    expect([...codes].sort()).toEqual((await activeFactors(db, s.town.id)).map((f) => f.code).sort());
    const rating = (code: string) =>
      code === 'int_stated_harm'
        ? 'Unknown'
        : code.startsWith('eng_')
          ? 'Moderate'
          : code.startsWith('pro_')
            ? code === 'pro_community'
              ? 'Absent'
              : 'Present'
            : 'Low';
    for (const code of codes) await factorRow(form, code).getByLabel(rating(code), { exact: true }).check();
    // The unknown factor is found by its words too, as a screen reader would announce the group.
    const statedHarm = form.getByRole('group', { name: 'Stated intentions or plans to harm others' });
    expect(await statedHarm.getByLabel('Unknown', { exact: true }).isChecked()).toBe(true);
    await factorRow(form, 'int_stated_harm').getByLabel('Comment (optional)').fill('Not discussed yet: ask at the next home visit.');
    await form
      .getByLabel('Overall judgement')
      .fill('Drifting towards a hostile online group; family and school still hold him. Mentoring and school support first.');
    const assessed = answerOf(page, 'assessments.create');
    await form.getByRole('button', { name: 'Save the assessment' }).click();
    await assessed;
    await assessments.getByText('Assessment saved.').waitFor();
    const shown = assessments.getByTestId('assessment');
    await shown.getByTestId('judgement').filter({ hasText: 'Drifting towards a hostile online group' }).waitFor();
    const unknown = shown.locator('[data-testid=rating][data-factor=int_stated_harm]');
    expect(await unknown.getAttribute('data-rating')).toBe('unknown');
    expect(await unknown.textContent()).toContain('Unknown');
    expect(await unknown.textContent()).toContain('Not discussed yet');
    expect(await shown.locator('[data-testid=rating][data-factor=cap_means]').getAttribute('data-rating')).toBe('low');

    // 2. A plan with two interventions, one for each agency the case was shared with.
    const plan = page.getByTestId('plan-section');
    const addIntervention = async (data: { type: string; title: string; agency: string; assignee: string; due: string }) => {
      await plan.getByRole('button', { name: 'Add an intervention' }).click();
      const add = plan.getByTestId('intervention-form');
      await add.getByLabel('Type').selectOption({ label: data.type });
      await add.getByLabel('Title').fill(data.title);
      await add.getByLabel('Responsible agency').selectOption({ label: data.agency });
      await add.getByLabel('Assignee').selectOption({ label: data.assignee });
      await add.getByLabel('Start').fill(dayFromNow(0));
      await add.getByLabel('Due').fill(data.due);
      const added = answerOf(page, 'cases.addIntervention');
      await add.getByRole('button', { name: 'Add to the plan' }).click();
      await added;
      await plan.getByTestId('intervention').filter({ hasText: data.title }).waitFor();
    };
    await addIntervention({
      type: 'Mentoring',
      title: 'Weekly mentoring at the youth centre',
      agency: 'Crescent Youth Centre',
      assignee: 'Rania Mansour',
      due: mentoringDue,
    });
    await addIntervention({
      type: 'Education',
      title: 'Catch-up classes and a school contact',
      agency: 'Al-Nour Secondary School',
      assignee: 'Samir Aziz',
      due: schoolDue,
    });
    expect(await plan.locator('[data-testid=intervention][data-status=planned]').count()).toBe(2);
    const mentoring = plan.getByTestId('intervention').filter({ hasText: 'Weekly mentoring' });
    expect(await mentoring.textContent()).toContain('Crescent Youth Centre');
    expect(await mentoring.textContent()).toContain('Rania Mansour');

    // 3. A panel meeting now, the case on its agenda, both agencies invited.
    await navigate(page, 'Panel meetings');
    await page.getByRole('button', { name: 'Schedule a meeting' }).click();
    const meetingForm = page.getByTestId('meeting-form');
    await meetingForm.getByTestId('agenda-pick').getByLabel(reference).waitFor();
    // The browser's own "now", to the minute: a meeting that is happening today.
    const now = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await meetingForm.getByLabel('Title').fill('Weekly prevention panel');
    await meetingForm.getByLabel('When').fill(now);
    await meetingForm.getByLabel('Place').fill('Town hall, room 2');
    await meetingForm.getByTestId('agenda-pick').getByLabel(reference).check();
    const invited = meetingForm.getByRole('group', { name: 'Invited agencies' });
    await invited.getByLabel('Crescent Youth Centre').check();
    await invited.getByLabel('Al-Nour Secondary School').check();
    const scheduled = answerOf(page, 'meetings.schedule');
    await meetingForm.getByRole('button', { name: 'Schedule', exact: true }).click();
    await scheduled;
    await page.getByRole('heading', { name: 'Weekly prevention panel' }).waitFor();
    expect(await page.getByTestId('meeting-status').textContent()).toBe('Scheduled');
    const attendance = page.getByTestId('attendance');
    await attendance.getByText('Crescent Youth Centre').waitFor();
    await attendance.getByText('Al-Nour Secondary School').waitFor();
    const meetingUrl = page.url();
    const meetingId = new URL(meetingUrl).pathname.split('/').pop()!;

    // 4. The panel adjusts the plan; the school's representative dissents, and that is recorded.
    const item = page.locator(`[data-testid=agenda-item][data-case="${reference}"]`);
    await item.getByText('No decision yet.').waitFor();
    await item.getByRole('button', { name: 'Record the decision' }).click();
    const decision = item.getByTestId('decision-form');
    await decision.getByLabel('Decision', { exact: true }).selectOption({ label: 'Adjust the plan' });
    await decision.getByLabel('The panel agreed').uncheck();
    await decision.getByLabel('Recorded dissent').fill('The school asked to escalate: the class group videos are getting worse.');
    const decided = answerOf(page, 'meetings.decide');
    await decision.getByTestId('submit-decision').click();
    await decided;
    const recorded = item.getByTestId('decision');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('Adjust the plan');
    expect(await recorded.textContent()).not.toContain('By consensus');
    expect(await recorded.getByTestId('dissent').textContent()).toBe(
      'The school asked to escalate: the class group videos are getting worse.',
    );
    await page.getByTestId('meeting-status').filter({ hasText: 'Held' }).waitFor();

    // 5. The youth centre's practitioner sees the meeting's pack, then completes her intervention:
    //    she sees only her agency's part of the plan.
    const shared = await world.newPage();
    page = shared.page;
    await page.goto(`${world.base}/`);
    await signIn(page, s.mentor.email);
    // Straight to the meeting: the upcoming list starts at today's midnight (UTC), which may have
    // passed since the meeting was scheduled "now".
    await page.goto(meetingUrl);
    const pack = page.locator(`[data-testid=agenda-item][data-case="${reference}"]`);
    await pack.getByText('Weekly mentoring at the youth centre').waitFor();
    expect(await pack.textContent()).not.toContain('Catch-up classes');
    expect(await pack.getByTestId('decision').textContent()).toContain('Adjust the plan');
    await openCase(page, 'Shared with my agency', reference);
    const partnerPlan = page.getByTestId('plan-section');
    const own = partnerPlan.getByTestId('intervention').filter({ hasText: 'Weekly mentoring at the youth centre' });
    await own.waitFor();
    expect(await partnerPlan.getByTestId('intervention').count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toContain('Catch-up classes');
    await own.getByRole('button', { name: 'Update' }).click();
    const update = own.getByTestId('intervention-update-form');
    await update.getByLabel('Status').selectOption({ label: 'Completed' });
    await update.getByLabel('Outcome').fill('Came to eleven of twelve sessions; joined the youth centre football team.');
    const saved = answerOf(page, 'cases.updateIntervention');
    await update.getByRole('button', { name: 'Save' }).click();
    await saved;
    await partnerPlan.locator('[data-testid=intervention][data-status=completed]').filter({ hasText: 'Weekly mentoring' }).waitFor();
    expect(await own.textContent()).toContain('joined the youth centre football team');
    expect(await page.getByTestId('assessments-section').count()).toBe(0);
    await signOut(page);

    // 6. The case's review fell due five days ago. The scheduled job's sweep raises the reminder;
    //    the key worker finds it in "my work" and follows it to the case.
    const swept = await sweepMunicipality(db, s.town.id, () => new Date());
    expect(swept).toEqual({ created: 1, resolved: 0 });
    await signIn(page, s.socialWorker.email);
    const worked = answerOf(page, 'work.mine');
    await navigate(page, 'My work');
    await worked;
    const due = page.getByTestId('work-now').getByTestId('work-item');
    await due.first().waitFor();
    expect(await due.count()).toBe(1);
    expect(await due.getAttribute('data-kind')).toBe('review_overdue');
    expect(await due.textContent()).toContain('Review overdue');
    expect(await due.textContent()).toContain(`Overdue since ${utcDay(s.nextReviewAt)}`);
    await page.getByTestId('work-upcoming').getByText('No open task ahead.').waitFor();
    await due.getByRole('link', { name: `Case ${reference}` }).click();
    await page.getByTestId('case-reference').filter({ hasText: reference }).waitFor();
    const nextReview = page.getByTestId('next-review');
    expect(await nextReview.textContent()).toContain(utcDay(s.nextReviewAt));
    expect(await nextReview.textContent()).toContain('Overdue');
    // The key worker reads the whole plan, with the youth centre's outcome.
    await page
      .getByTestId('plan-section')
      .locator('[data-testid=intervention][data-status=completed]')
      .filter({ hasText: 'joined the youth centre football team' })
      .waitFor();
    await shared.context.close();

    // 7. The coordinator closes the case: risk reduced, a follow-up check in six months, confirmed.
    page = desk;
    await openCase(page, 'Cases', reference);
    const close = page.getByTestId('workflow').getByTestId('close-form');
    await close.getByLabel('Reason for closing').selectOption({ label: 'Risk reduced' });
    await close.getByLabel('In words').fill('Back in class, mentoring completed; the panel agreed to close with a check.');
    await close.getByLabel('Follow-up check after (months)').fill('6');
    await close.getByRole('button', { name: 'Close the case' }).click();
    const closed = answerOf(page, 'cases.close');
    await close.getByRole('button', { name: 'Confirm: Close the case' }).click();
    await closed;
    // Six months from the day the server closed it (its day, not the test's: midnight may fall between).
    const { closedAt } = await db.case.findUniqueOrThrow({ where: { id: s.case.id }, select: { closedAt: true } });
    const followUpAt = new Date(`${closedAt!.toISOString().slice(0, 10)}T00:00:00Z`);
    followUpAt.setUTCMonth(followUpAt.getUTCMonth() + 6);
    await page.getByTestId('closure-reason').filter({ hasText: 'Closed: Risk reduced' }).waitFor();
    expect(await page.getByTestId('follow-up').textContent()).toBe(`Follow-up check on ${utcDay(followUpAt)}`);
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    // The case's story in words on the timeline, newest first.
    const timeline = page.getByTestId('timeline');
    await timeline.locator('li[data-kind=close]').waitFor();
    const story = await timeline.locator('li[data-kind] .timeline-title').allTextContents();
    expect(story.slice(0, 6)).toEqual([
      'Case closed',
      'Intervention: Planned → Completed',
      'Panel decision',
      'Intervention added',
      'Intervention added',
      'Assessment recorded',
    ]);
    await coordinator.context.close();
    // Nothing more is due for a closed case until its follow-up day: the review reminder was resolved.
    expect(await sweepMunicipality(db, s.town.id, () => new Date())).toEqual({ created: 0, resolved: 0 });

    // ——— database: the rows and their audit events ———
    const storedPlan = await db.intervention.findMany({
      where: { caseId: s.case.id },
      select: { id: true, title: true, type: true, agencyId: true, assigneeId: true, status: true, outcome: true, dueDate: true },
      orderBy: { createdAt: 'asc' },
    });
    const interventions = await Promise.all(
      storedPlan.map(async ({ id, ...row }) => {
        const opened = await openIntervention(db, { id, ...row });
        return { ...row, title: opened.title, outcome: opened.outcome };
      }),
    );
    expect(interventions).toEqual([
      {
        title: 'Weekly mentoring at the youth centre',
        type: 'mentoring',
        agencyId: s.youthCentre.id,
        assigneeId: s.mentor.id,
        status: 'completed',
        outcome: 'Came to eleven of twelve sessions; joined the youth centre football team.',
        dueDate: new Date(`${mentoringDue}T00:00:00Z`),
      },
      {
        title: 'Catch-up classes and a school contact',
        type: 'education',
        agencyId: s.school.id,
        assigneeId: s.teacher.id,
        status: 'planned',
        outcome: null,
        dueDate: new Date(`${schoolDue}T00:00:00Z`),
      },
    ]);
    const assessment = await db.assessment.findFirstOrThrow({
      where: { caseId: s.case.id },
      select: { assessorId: true, ratings: { select: { rating: true, factor: { select: { code: true } } } } },
    });
    expect(assessment.assessorId).toBe(s.coordinator.id);
    expect(assessment.ratings).toHaveLength(codes.length);
    const stored = Object.fromEntries(assessment.ratings.map((r) => [r.factor.code, r.rating]));
    expect(stored.int_stated_harm).toBe('unknown');
    expect(stored.cap_means).toBe('low');
    expect(stored.pro_community).toBe('absent');
    const meeting = await db.panelMeeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: {
        status: true,
        createdById: true,
        invitees: { select: { agencyId: true } },
        agenda: { select: { caseId: true, decision: true, consensus: true, dissent: true, decidedById: true } },
      },
    });
    expect(meeting.status).toBe('held');
    expect(meeting.createdById).toBe(s.coordinator.id);
    expect(meeting.invitees.map((i) => i.agencyId).sort()).toEqual([s.youthCentre.id, s.school.id].sort());
    expect(meeting.agenda).toHaveLength(1);
    expect(meeting.agenda[0]).toMatchObject({
      caseId: s.case.id,
      decision: 'adjust_plan',
      consensus: false,
      decidedById: s.coordinator.id,
    });
    // The dissent is stored encrypted, never as the words typed.
    expect(meeting.agenda[0]!.dissent).toBeTruthy();
    expect(JSON.stringify(meeting.agenda[0]!.dissent)).not.toContain('class group videos');

    const closedCase = await db.case.findUniqueOrThrow({
      where: { id: s.case.id },
      select: { stage: true, closureReason: true, closeReason: true, closedById: true, followUpAt: true, nextReviewAt: true },
    });
    // The closing words are sealed under the case's key, bound to the case.
    expect(closedCase.closeReason).toMatch(/^k1\./);
    expect({ ...closedCase, closeReason: await openStored(db, `case.close_reason/${s.case.id}`, closedCase.closeReason!) }).toEqual({
      stage: 'closed',
      closureReason: 'risk_reduced',
      closeReason: 'Back in class, mentoring completed; the panel agreed to close with a check.',
      closedById: s.coordinator.id,
      followUpAt,
      nextReviewAt: null,
    });
    const reminders = await db.reminder.findMany({
      where: { municipalityId: s.town.id },
      select: { userId: true, kind: true, entityId: true, dueAt: true, dismissedAt: true },
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ userId: s.socialWorker.id, kind: 'review_overdue', entityId: s.case.id, dueAt: s.nextReviewAt });
    expect(reminders[0]!.dismissedAt).not.toBeNull();

    const events = await db.auditEvent.findMany({
      where: { municipalityId: s.town.id, outcome: 'allowed', actorId: { not: null } },
      select: { action: true, actorId: true, entityId: true },
      orderBy: { id: 'asc' },
    });
    const writes = events.filter((e) => WRITES.has(e.action));
    expect(writes.map((e) => [e.action, e.actorId])).toEqual([
      ['assessment.create', s.coordinator.id],
      ['case.intervention.create', s.coordinator.id],
      ['case.intervention.create', s.coordinator.id],
      ['meeting.schedule', s.coordinator.id],
      ['meeting.decide', s.coordinator.id],
      ['case.intervention.update', s.mentor.id],
      ['case.close', s.coordinator.id],
    ]);
    expect(events.some((e) => e.action === 'case.read' && e.actorId === s.mentor.id && e.entityId === s.case.id)).toBe(true);
    expect(events.some((e) => e.action === 'work.mine' && e.actorId === s.socialWorker.id)).toBe(true);
    // The sweep is the system's own write: audited without an actor, once (the second sweep changed nothing).
    expect(await db.auditEvent.count({ where: { municipalityId: s.town.id, action: 'reminder.sweep', actorId: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { municipalityId: s.town.id, outcome: 'denied' } })).toBe(0);
    expect((await verifyChain(db, s.town.id)).firstBroken).toBeNull();
    expect(cspViolations).toEqual([]);
  }, 150_000);
});
