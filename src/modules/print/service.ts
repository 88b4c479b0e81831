import type { ServiceContext } from '../../service.js';
import { getCase } from '../cases/read.js';
import { getMeeting } from '../meetings/read.js';
import { getReferral } from '../referrals/service.js';

const municipalityName = async (ctx: ServiceContext) =>
  (await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: { name: true } })).name;

/**
 * The case summary, printed: the header, and the summary and plan only if the reader sees them on the
 * case page (the same read, `getCase`, with its rules). Notes, team and timeline stay on screen.
 * Audited as print.case with the sections printed.
 */
export async function printCase(ctx: ServiceContext, id: string) {
  const c = await getCase(ctx, id);
  const printed = c.sections.filter((s) => s === 'summary' || s === 'plan');
  ctx.audit.detail({ printed: 'case_summary', sections: printed });
  return {
    municipality: await municipalityName(ctx),
    reference: c.reference,
    stage: c.stage,
    keyWorker: c.keyWorker,
    leadAgency: c.leadAgency,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    closureReason: c.closureReason,
    nextReviewAt: c.nextReviewAt,
    summary: c.summary && { person: c.summary.person, cohort: c.summary.cohort, text: c.summary.text },
    plan: c.plan,
    printedAt: ctx.clock(),
  };
}

/**
 * A meeting's pack or its minutes, printed by whoever may open the meeting: exactly the meeting page's
 * read (`getMeeting`), so an invitee's pack holds only the items and parts they see on screen.
 * Audited as print.meeting with the kind and the items and minutes printed.
 */
export async function printMeeting(ctx: ServiceContext, input: { id: string; kind: 'pack' | 'minutes' }) {
  const { may: _may, choices: _choices, ...meeting } = await getMeeting(ctx, input.id);
  ctx.audit.detail({ printed: input.kind === 'pack' ? 'meeting_pack' : 'minutes' });
  return { ...meeting, municipality: await municipalityName(ctx), kind: input.kind, printedAt: ctx.clock() };
}

/**
 * The referrer's acknowledgement: the referral's reference and date, who it is about, what the referrer
 * wrote, and where it stands (the page says what happens next). Under `referrals.get`'s rules, but
 * never the screening's reasons, the consent details or anything else the service added.
 */
export async function printReferral(ctx: ServiceContext, id: string) {
  const r = await getReferral(ctx, id);
  ctx.audit.detail({ printed: 'referral_acknowledgement' });
  return {
    municipality: await municipalityName(ctx),
    reference: r.id.slice(0, 8).toUpperCase(),
    status: r.status,
    urgency: r.urgency,
    submittedAt: r.submittedAt,
    person: r.person,
    referrer: r.referrer,
    referrerAgency: r.referrerAgency,
    concernCategories: r.concernCategories,
    concernText: r.concernText,
    printedAt: ctx.clock(),
  };
}
