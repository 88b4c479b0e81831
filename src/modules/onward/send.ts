import { randomUUID } from 'node:crypto';
import { subject } from '@casl/ability';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import { findCase, recordEvent } from '../cases/access.js';
import { chosenItem } from '../lists/chosen.js';
import { seal, senderSelect, senderView, ownerOf } from './fields.js';
import type { ResendOnward, SendOnward } from './schema.js';
import { agencyPractitionerIds, enqueueAlerts, shortRef } from '../alerts/enqueue.js';

type About = { caseId: string; referralId?: never } | { referralId: string; caseId?: never };
type Content = Omit<SendOnward, 'caseId'>;

/** An active agency of the user's municipality (the directory): another town's or a retired one is NOT_FOUND. */
async function directoryAgency(ctx: ServiceContext, agencyId: string) {
  const agency = await ctx.db.agency.findFirst({
    where: { id: agencyId, municipalityId: ctx.user.municipalityId, active: true },
    select: { id: true, name: true, kind: true },
  });
  if (!agency) throw new AppError('NOT_FOUND', { entity: { type: 'Agency', id: agencyId }, fields: { agencyId: 'NOT_FOUND' } });
  // An onward referral names no legal basis, and a police liaison is never given anything without one
  // (purpose rules, shared/purposes.ts): the person's words and name go there only by a disclosure.
  if (agency.kind === 'police_liaison')
    throw new AppError('PURPOSE_BANNED', {
      entity: { type: 'Agency', id: agency.id },
      fields: { agencyId: 'police_no_onward' },
      data: { rule: 'police_needs_legal_basis' },
    });
  return agency;
}

/**
 * Writes one onward referral, its words encrypted and bound to the row. A proposed disclosure is checked
 * here only for who may propose it (the coordinator, who manages the case team); its other rules are the
 * disclosure service's, applied when the agency accepts.
 */
export async function insertOnward(
  ctx: ServiceContext,
  about: About,
  input: Content,
  opts: { resendOfId?: string; case?: { id: string; municipalityId: string; keyWorkerId: string | null } } = {},
) {
  const agency = await directoryAgency(ctx, input.agencyId);
  if (input.disclosure && opts.case && !ctx.ability.can('manage:team', subject('Case', { ...opts.case }) as never))
    throw new AppError('BAD_INPUT', { fields: { disclosure: 'coordinator_only' } });
  if (input.disclosure && !opts.case) throw new AppError('BAD_INPUT', { fields: { disclosure: 'no_case' } });
  if (input.intervention && !opts.case) throw new AppError('BAD_INPUT', { fields: { intervention: 'no_case' } });
  // The municipality's item for the proposed intervention (another town's, retired or crafted: refused on its field).
  const i = input.intervention;
  const type = i ? await chosenItem(ctx, 'intervention_type', { itemId: i.typeItemId, code: i.type }, 'intervention.typeItemId') : null;
  const id = randomUUID();
  const d = input.disclosure;
  const owner = ownerOf({ caseId: about.caseId ?? null, referralId: about.referralId ?? null });
  const data: Prisma.OnwardReferralUncheckedCreateInput = {
    id,
    municipalityId: ctx.user.municipalityId,
    caseId: about.caseId ?? null,
    referralId: about.referralId ?? null,
    agencyId: agency.id,
    sentById: ctx.user.id,
    sentAt: ctx.clock(),
    summary: (await seal(ctx, owner, 'summary', id, input.summary))!,
    shareName: input.shareName,
    shareBirthYear: input.shareBirthYear,
    shareCohort: input.shareCohort,
    discloseSections: d?.sections ?? [],
    disclosePurposeId: d?.purposeId ?? null,
    disclosePurpose: await seal(ctx, owner, 'disclosePurpose', id, d?.purposeWords),
    discloseLegalBasis: d?.legalBasis ?? null,
    discloseConsentId: d?.legalBasis === 'consent' ? d.consentId! : null,
    discloseConsentPurpose: d?.legalBasis === 'consent' ? d.consentPurpose! : null,
    discloseDays: d?.days ?? null,
    interventionType: type?.code ?? null,
    interventionTypeItemId: type?.itemId ?? null,
    interventionTitle: await seal(ctx, owner, 'interventionTitle', id, input.intervention?.title),
    resendOfId: opts.resendOfId ?? null,
  };
  const row = await ctx.db.onwardReferral.create({ data, select: senderSelect });
  // The receiving agency's practitioners are alerted (a reference of the onward referral, never the case's).
  await enqueueAlerts(
    ctx.db,
    ctx.clock(),
    {
      municipalityId: ctx.user.municipalityId,
      kind: 'onward_to_answer',
      entityType: 'OnwardReferral',
      entityId: id,
      reference: shortRef('O', id),
    },
    await agencyPractitionerIds(ctx.db, ctx.user.municipalityId, agency.id),
  );
  const facts = {
    onwardId: id,
    agencyId: agency.id,
    shares: { name: input.shareName, birthYear: input.shareBirthYear, cohort: input.shareCohort },
    disclosure: d ? { sections: d.sections, legalBasis: d.legalBasis, days: d.days } : null,
    intervention: type?.code ?? null,
    ...(type ? { interventionItemId: type.itemId } : {}),
    ...(opts.resendOfId ? { resendOfId: opts.resendOfId } : {}),
  };
  if (opts.case) await recordEvent(ctx, opts.case, 'onward', { step: 'sent', ...facts });
  ctx.audit.detail(facts);
  return senderView(ctx, row);
}

/** Key worker or coordinator: refers the case on to an agency of the directory. */
export async function sendOnward(ctx: ServiceContext, input: SendOnward) {
  const c = await findCase(ctx, input.caseId, 'refer', { id: true, municipalityId: true, keyWorkerId: true, stage: true });
  if (c.stage === 'closed' || c.stage === 'follow_up') throw new AppError('INVALID_TRANSITION', { fields: { caseId: 'case_closed' } });
  const { caseId, ...content } = input;
  return insertOnward(ctx, { caseId }, content, { case: c });
}

/**
 * Sends a declined onward referral again, to the same agency or another: a new row naming the declined
 * one, so the history shows both. Whoever may follow the first may send it again (a case's by its key
 * worker or a coordinator; a signposted referral's by a coordinator). Each is re-sent at most once.
 */
export async function resendOnward(ctx: ServiceContext, input: ResendOnward) {
  assertCan(ctx.ability, 'read', 'OnwardReferral');
  const before = await ctx.db.onwardReferral.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('OnwardReferral'), { id: input.id }] },
    select: { id: true, caseId: true, referralId: true, status: true, resentAs: { select: { id: true } } },
  });
  if (!before) throw notFound('OnwardReferral', input.id);
  const { id, ...content } = input;
  let c: { id: string; municipalityId: string; keyWorkerId: string | null } | undefined;
  if (before.caseId) {
    c = await findCase(ctx, before.caseId, 'refer', { id: true, municipalityId: true, keyWorkerId: true });
  } else if (!ctx.ability.can('screen', 'Referral')) {
    throw forbidden('OnwardReferral', before.id);
  }
  if (before.status !== 'declined') throw new AppError('INVALID_TRANSITION', { fields: { id: 'not_declined' } });
  if (before.resentAs) throw new AppError('CONFLICT', { fields: { id: 'ALREADY_RESENT' } });
  const about: About = before.caseId ? { caseId: before.caseId } : { referralId: before.referralId! };
  ctx.audit.subject('OnwardReferral', before.id);
  return insertOnward(ctx, about, content, { resendOfId: before.id, case: c }).catch((err) => {
    // Two re-sends at once: the second meets the unique resend_of_id.
    if ((err as { code?: string })?.code === 'P2002') throw new AppError('CONFLICT', { fields: { id: 'ALREADY_RESENT' } });
    throw err;
  });
}
