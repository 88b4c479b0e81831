import { open } from '../onward/fields.js';
import type { Reader } from './reader.js';

/**
 * What was sent about the person to another service (onward referrals of a case or of a signposted
 * referral): to which agency, when, which facts went with the sender's words, and the agency's answer.
 * Staff are not named. Once the record is erased its words read as erased; the facts stay.
 */
export async function onwardOf(ctx: Reader, about: { caseId: string } | { referralId: string }, asOf: Date | null) {
  const rows = await ctx.db.onwardReferral.findMany({
    where: { ...about, municipalityId: ctx.user.municipalityId, ...(asOf ? { sentAt: { lte: asOf } } : {}) },
    select: {
      id: true,
      sentAt: true,
      status: true,
      summary: true,
      shareName: true,
      shareBirthYear: true,
      shareCohort: true,
      answeredAt: true,
      declineReason: true,
      outcome: true,
      outcomeAt: true,
      outcomeNote: true,
      agency: { select: { name: true } },
    },
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
  });
  // As of the release: an answer given after it is not in the released document.
  const by = (at: Date | null) => at !== null && (!asOf || at <= asOf);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      to: r.agency.name,
      sentAt: r.sentAt,
      status: r.status,
      summary: await open(ctx, 'summary', r.id, r.summary),
      shared: { name: r.shareName, birthYear: r.shareBirthYear, cohort: r.shareCohort },
      answeredAt: by(r.answeredAt) ? r.answeredAt : null,
      declineReason: by(r.answeredAt) ? await open(ctx, 'declineReason', r.id, r.declineReason) : null,
      outcome: by(r.outcomeAt) ? r.outcome : null,
      outcomeAt: by(r.outcomeAt) ? r.outcomeAt : null,
      outcomeNote: by(r.outcomeAt) ? await open(ctx, 'outcomeNote', r.id, r.outcomeNote) : null,
    })),
  );
}
