import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { findCase, ruleSelect, visibleSections } from './access.js';
import { notesPage } from './notes.js';
import { mayAddIntervention, planChoices, planOf } from './interventions.js';

/** The field name bound into a summary's ciphertext. */
export const SUMMARY_FIELD = 'case.summary';
/** How many notes and timeline entries the case page carries; `cases.notes` pages further. */
const NOTES_ON_PAGE = 50;
const TIMELINE_ON_PAGE = 200;

const caseSelect = {
  ...ruleSelect,
  reference: true,
  stage: true,
  cohort: true,
  summary: true,
  openedAt: true,
  closedAt: true,
  closeReason: true,
  closureReason: true,
  nextReviewAt: true,
  followUpAt: true,
  consentWithdrawnAt: true,
  person: { select: { id: true, nameArabic: true, nameLatin: true, birthYear: true } },
  keyWorker: { select: { id: true, displayName: true } },
  leadAgency: { select: { id: true, name: true } },
  referral: { select: { id: true, consentGiven: true, consentBy: true, consentAt: true, legalBasis: true } },
} satisfies Prisma.CaseSelect;

const teamSelect = {
  id: true,
  purpose: true,
  sections: true,
  legalBasis: true,
  expiresAt: true,
  createdAt: true,
  revokedAt: true,
  revokeReason: true,
  agency: { select: { id: true, name: true } },
  user: { select: { id: true, displayName: true } },
} satisfies Prisma.DisclosureSelect;

/**
 * One case: its header, and only the sections the user may read (listed in `sections` for the UI).
 * A case out of reach is NOT_FOUND. Audited as case.read with the sections shown.
 */
export async function getCase(ctx: ServiceContext, id: string) {
  const c = await findCase(ctx, id, 'read', caseSelect);
  const sections = visibleSections(ctx, c);
  const can = (s: (typeof sections)[number]) => sections.includes(s);
  const now = ctx.clock();

  const header = {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    keyWorker: c.keyWorker,
    leadAgency: c.leadAgency,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    closureReason: c.closureReason,
    nextReviewAt: c.nextReviewAt,
    followUpAt: c.followUpAt,
    consent: {
      given: c.referral?.consentGiven ?? null,
      by: c.referral?.consentBy ?? null,
      at: c.referral?.consentAt ?? null,
      referralLegalBasis: c.referral?.legalBasis ?? null,
      withdrawnAt: c.consentWithdrawnAt,
    },
  };
  const summary = can('summary')
    ? {
        person: c.person,
        cohort: c.cohort,
        text: c.summary ? ctx.keyring.decrypt(c.summary, SUMMARY_FIELD) : null,
        closeReason: c.closeReason,
      }
    : null;
  const notes = can('notes') ? await notesPage(ctx, id, undefined, NOTES_ON_PAGE) : null;
  const team = can('team')
    ? (
        await ctx.db.disclosure.findMany({
          where: { AND: [accessibleBy(ctx.ability).ofType('Disclosure'), { caseId: id }] },
          select: teamSelect,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        })
      ).map((d) => ({ ...d, status: d.revokedAt ? ('revoked' as const) : d.expiresAt <= now ? ('expired' as const) : ('live' as const) }))
    : null;
  const plan = can('plan') ? await planOf(ctx, id) : null;
  // The pickers for a new intervention, only to those who may add one.
  const planAdd = can('plan') && mayAddIntervention(ctx, c) ? await planChoices(ctx) : null;
  const timeline = await timelineOf(ctx, id, { summary: can('summary'), team: can('team'), plan: can('plan'), assessments: can('assessments') });

  ctx.audit.detail({ sections });
  return { ...header, sections, summary, notes, team, plan, planAdd, timeline };
}

/** Keys of timeline data that carry minuted free text: shown to those who read the summary. */
const TEXT_KEYS = new Set(['reason', 'purpose']);

/**
 * The case's history, newest first, cut to what the user may know: entries about notes only for
 * notes they may read, the case team only to those who see the team, reasons only with the summary.
 */
async function timelineOf(ctx: ServiceContext, caseId: string, may: { summary: boolean; team: boolean; plan: boolean; assessments: boolean }) {
  const events = await ctx.db.caseEvent.findMany({
    where: { caseId },
    select: { id: true, at: true, actorId: true, kind: true, data: true },
    orderBy: { id: 'desc' },
    take: TIMELINE_ON_PAGE,
  });
  const noteIds = events.flatMap((e) => (e.kind === 'note' ? [String((e.data as { noteId?: string } | null)?.noteId)] : []));
  const readableNotes = new Set(
    noteIds.length
      ? (await ctx.db.caseNote.findMany({ where: { AND: [accessibleBy(ctx.ability).ofType('CaseNote'), { id: { in: noteIds } }] }, select: { id: true } })).map((n) => n.id)
      : [],
  );
  const shown = events.filter((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.kind === 'note') return readableNotes.has(String(data.noteId));
    if (e.kind === 'disclose' || e.kind === 'revoke') return may.team;
    if (e.kind === 'summary') return may.summary;
    if (e.kind.startsWith('intervention')) return may.plan;
    if (e.kind === 'assessment') return may.assessments;
    return true;
  });
  const actorIds = [...new Set(shown.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = new Map(
    (await ctx.db.user.findMany({ where: { id: { in: actorIds }, municipalityId: ctx.user.municipalityId }, select: { id: true, displayName: true } })).map((u) => [u.id, u]),
  );
  return shown.map((e) => {
    const data = Object.entries((e.data ?? {}) as Record<string, unknown>).filter(([k]) => may.summary || !TEXT_KEYS.has(k));
    return { id: e.id.toString(), at: e.at, kind: e.kind, actor: e.actorId ? (actors.get(e.actorId) ?? null) : null, data: Object.fromEntries(data) };
  });
}
