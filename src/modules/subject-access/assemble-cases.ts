import type { Prisma } from '../../generated/prisma/client.js';
import type { Locale } from '../../shared/vocabulary.js';
import { consentSelect, statusOf } from '../consent/fields.js';
import { onwardOf } from './assemble-onward.js';
import { transfersOf } from './assemble-transfers.js';
import { historyAsOf, type Reader, type Staff } from './reader.js';
import { timelineOf } from './assemble-timeline.js';
import type { Reviewer } from './review.js';
import {
  commentText,
  consentScopeText,
  dissentText,
  giverNameText,
  judgementText,
  maybe,
  minuteText,
  noteText,
  summaryText,
} from './texts.js';

const caseSelect = {
  id: true,
  reference: true,
  stage: true,
  cohort: true,
  summary: true,
  openedAt: true,
  closedAt: true,
  closureReason: true,
  closeReason: true,
  nextReviewAt: true,
  followUpAt: true,
  consentWithdrawnAt: true,
  anonymisedAt: true,
  keyWorker: { select: { displayName: true, role: true } },
  leadAgency: { select: { name: true } },
} satisfies Prisma.CaseSelect;

const label = (f: { labelAr: string; labelFr: string; labelEn: string }, lang: Locale) =>
  lang === 'ar' ? f.labelAr : lang === 'fr' ? f.labelFr : f.labelEn;

/** The dated rows of a case up to the release (all of them before it). */
const upTo = (field: string, asOf: Date | null) => (asOf ? { [field]: { lte: asOf } } : {});

async function notesOf(ctx: Reader, caseId: string, reviewer: Reviewer, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.caseNote.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, ...upTo('createdAt', asOf) },
    select: { id: true, sensitivity: true, body: true, createdAt: true, author: { select: { displayName: true, role: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    rows.map(async (n) => {
      const note = { at: n.createdAt, author: staff(n.author), text: await noteText(ctx, n.id, n.body) };
      // A restricted note may hold what others told in confidence: it goes out only if the reviewer says so.
      return n.sensitivity === 'restricted'
        ? { id: n.id, restricted: true, ...reviewer.item('restricted_note', n.id, note) }
        : { id: n.id, restricted: false, review: null, status: 'included' as const, reason: null, kind: null, content: note };
    }),
  );
}

async function assessmentsOf(ctx: Reader, caseId: string, lang: Locale, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.assessment.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, ...upTo('assessedAt', asOf) },
    select: {
      id: true,
      assessedAt: true,
      overallJudgement: true,
      assessor: { select: { displayName: true, role: true } },
      ratings: {
        select: {
          rating: true,
          comment: true,
          factor: { select: { id: true, domain: true, position: true, code: true, labelAr: true, labelFr: true, labelEn: true } },
        },
      },
    },
    orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    rows.map(async (a) => ({
      id: a.id,
      at: a.assessedAt,
      assessor: staff(a.assessor),
      judgement: await judgementText(ctx, a.id, a.overallJudgement),
      ratings: await Promise.all(
        a.ratings
          .sort(
            (x, y) =>
              x.factor.domain.localeCompare(y.factor.domain) ||
              x.factor.position - y.factor.position ||
              x.factor.code.localeCompare(y.factor.code),
          )
          .map(async (r) => ({
            domain: r.factor.domain,
            factor: label(r.factor, lang),
            rating: r.rating,
            comment: await commentText(ctx, `${a.id}/${r.factor.id}`, r.comment),
          })),
      ),
    })),
  );
}

async function planOf(ctx: Reader, caseId: string, asOf: Date | null, staff: Staff) {
  const municipalityId = ctx.user.municipalityId;
  const [interventions, tasks] = await Promise.all([
    ctx.db.intervention.findMany({
      where: { caseId, municipalityId, ...upTo('createdAt', asOf) },
      select: {
        id: true,
        type: true,
        title: true,
        status: true,
        outcome: true,
        startDate: true,
        dueDate: true,
        createdAt: true,
        agency: { select: { name: true } },
        assignee: { select: { displayName: true, role: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    ctx.db.caseTask.findMany({
      where: { caseId, municipalityId, ...upTo('createdAt', asOf) },
      select: {
        id: true,
        title: true,
        dueDate: true,
        doneAt: true,
        createdAt: true,
        assignee: { select: { displayName: true, role: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const history = await historyAsOf(
    ctx,
    'Intervention',
    interventions.map((i) => i.id),
    ['status', 'outcome'],
    asOf,
    staff,
  );
  return {
    interventions: await Promise.all(
      interventions.map(async (i) => ({
        ...i,
        title: await maybe(ctx, 'intervention.title', i.id, i.title),
        outcome: await maybe(ctx, 'intervention.outcome', i.id, i.outcome),
        agency: i.agency.name,
        assignee: staff(i.assignee),
        history: history === null ? null : history.filter((h) => h.entityId === i.id),
      })),
    ),
    tasks: await Promise.all(
      tasks.map(async (t) => ({
        ...t,
        title: await maybe(ctx, 'case_task.title', t.id, t.title),
        assignee: staff(t.assignee),
      })),
    ),
  };
}

/**
 * The panel's decisions on the case, and its minutes and any dissent on the case's agenda items (for review:
 * they name others). Cancelled meetings decided nothing and are left out.
 */
async function panelOf(ctx: Reader, caseId: string, reviewer: Reviewer, asOf: Date | null) {
  const items = await ctx.db.meetingAgendaItem.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, meeting: { status: { not: 'cancelled' }, ...upTo('scheduledAt', asOf) } },
    select: {
      id: true,
      decision: true,
      consensus: true,
      decidedAt: true,
      dissent: true,
      meeting: { select: { scheduledAt: true, status: true } },
      minutes: { select: { id: true, body: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
    orderBy: { meeting: { scheduledAt: 'asc' } },
  });
  return Promise.all(
    items.map(async (i) => ({
      meetingAt: i.meeting.scheduledAt,
      meetingStatus: i.meeting.status,
      decision: i.decision,
      consensus: i.consensus,
      decidedAt: i.decidedAt,
      dissent: i.dissent ? reviewer.item('dissent', i.id, { text: await dissentText(ctx, i.id, i.dissent) }) : null,
      minutes: await Promise.all(
        i.minutes
          .filter((m) => !asOf || m.createdAt <= asOf)
          .map(async (m) => reviewer.item('minute', m.id, { at: m.createdAt, text: await minuteText(ctx, m.id, m.body) })),
      ),
    })),
  );
}

/** Every disclosure of the case: to whom, which sections, why, on what basis, when, and its end. */
async function disclosuresOf(ctx: Reader, caseId: string, lang: Locale, now: Date, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.disclosure.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, ...upTo('createdAt', asOf) },
    select: {
      id: true,
      purpose: true,
      sections: true,
      legalBasis: true,
      consentPurpose: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      revokeReason: true,
      agency: { select: { name: true, kind: true } },
      user: { select: { displayName: true, role: true } },
      listedPurpose: { select: { labelAr: true, labelFr: true, labelEn: true } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    rows.map(async (d) => ({
      id: d.id,
      // To an agency (named), or to one member of staff (by role, or named if the reviewer chose).
      to: d.agency?.name ?? null,
      toStaff: staff(d.user),
      agencyKind: d.agency?.kind ?? null,
      sections: d.sections,
      listedPurpose: d.listedPurpose ? label(d.listedPurpose, lang) : null,
      purpose: await maybe(ctx, 'disclosure.purpose', d.id, d.purpose),
      consentPurpose: d.consentPurpose,
      legalBasis: d.legalBasis,
      from: d.createdAt,
      until: d.expiresAt,
      revokedAt: d.revokedAt,
      revokeReason: await maybe(ctx, 'disclosure.revoke_reason', d.id, d.revokeReason),
      status: d.revokedAt ? ('revoked' as const) : d.expiresAt <= now ? ('expired' as const) : ('live' as const),
    })),
  );
}

async function consentsOf(ctx: Reader, caseId: string, reviewer: Reviewer, now: Date, asOf: Date | null) {
  const municipalityId = ctx.user.municipalityId;
  const rows = await ctx.db.consent.findMany({
    where: { caseId, municipalityId, ...upTo('recordedAt', asOf) },
    select: consentSelect,
    orderBy: [{ givenAt: 'asc' }, { id: 'asc' }],
  });
  const agencyIds = [...new Set(rows.flatMap((r) => r.agencyIds))];
  const agencies = agencyIds.length
    ? await ctx.db.agency.findMany({ where: { id: { in: agencyIds }, municipalityId }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(agencies.map((a) => [a.id, a.name]));
  return Promise.all(
    rows.map(async (k) => ({
      id: k.id,
      givenBy: k.givenBy,
      // A guardian who gave consent is named: their name is theirs, reviewed before it goes out.
      giver:
        k.givenBy === 'guardian'
          ? reviewer.item('consent_giver', k.id, { name: await giverNameText(ctx, k.id, k.giverName), relationship: k.relationship })
          : null,
      purposes: k.purposes,
      recipients: k.anyPartner ? null : k.agencyIds.map((id) => nameOf.get(id) ?? null).filter((n): n is string => n !== null),
      method: k.method,
      formReference: k.formReference,
      givenAt: k.givenAt,
      expiresAt: k.expiresAt,
      scope: k.scope ? await consentScopeText(ctx, k.id, k.scope) : null,
      withdrawnAt: k.withdrawnAt,
      renewedAt: k.renewedAt,
      status: statusOf(k, now),
    })),
  );
}

/** The person's cases, oldest first, each with everything it holds (see assemble). */
export async function casesOf(
  ctx: Reader,
  personId: string,
  reviewer: Reviewer,
  { asOf, anonymised, language: lang, staff }: { asOf: Date | null; anonymised: boolean; language: Locale; staff: Staff },
) {
  const now = asOf ?? ctx.clock();
  const rows = await ctx.db.case.findMany({
    where: { personId, municipalityId: ctx.user.municipalityId, ...upTo('openedAt', asOf) },
    select: caseSelect,
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
  });
  const cases = [];
  for (const c of rows) {
    // An anonymised case (retention) keeps its coarse facts and who it was shared with; its words are gone.
    const gone = c.anonymisedAt !== null;
    const [notes, assessments, plan, panel, disclosures, consents, summaryHistory, onward, timeline, transfers] = await Promise.all([
      gone ? [] : notesOf(ctx, c.id, reviewer, asOf, staff),
      gone ? [] : assessmentsOf(ctx, c.id, lang, asOf, staff),
      gone ? { interventions: [], tasks: [] } : planOf(ctx, c.id, asOf, staff),
      gone ? [] : panelOf(ctx, c.id, reviewer, asOf),
      disclosuresOf(ctx, c.id, lang, now, asOf, staff),
      gone ? [] : consentsOf(ctx, c.id, reviewer, now, asOf),
      anonymised || gone ? null : historyAsOf(ctx, 'Case', [c.id], ['summary'], asOf, staff),
      onwardOf(ctx, { caseId: c.id }, asOf),
      // An anonymised case keeps its timeline's facts (what happened, when, by which role); its words are gone.
      timelineOf(ctx, c.id, reviewer, asOf, staff),
      transfersOf(ctx, c.id, asOf),
    ]);
    cases.push({
      id: c.id,
      reference: c.reference,
      stage: c.stage,
      cohort: c.cohort,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      closureReason: c.closureReason,
      closeReason: await maybe(ctx, 'case.close_reason', c.id, c.closeReason),
      nextReviewAt: c.nextReviewAt,
      followUpAt: c.followUpAt,
      consentWithdrawnAt: c.consentWithdrawnAt,
      anonymisedAt: c.anonymisedAt,
      keyWorker: staff(c.keyWorker),
      leadAgency: c.leadAgency?.name ?? null,
      summary: await summaryText(ctx, c.id, c.summary),
      summaryHistory,
      notes,
      assessments,
      plan,
      panel,
      disclosures,
      onward,
      transfers,
      consents,
      timeline,
    });
  }
  return cases;
}
