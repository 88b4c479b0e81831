import { accessibleBy } from '../../auth/casl.js';
import { defineAbilityFor } from '../../auth/ability.js';
import { assertCan } from '../../auth/guard.js';
import { sessionUserSelect } from '../../auth/session.js';
import { AppError, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Disclose } from '../cases/schema.js';
import type { ServiceContext } from '../../service.js';
import type { ConsentPurpose } from '../../shared/vocabulary.js';
import { recordEvent } from '../cases/access.js';
import { addIntervention } from '../cases/interventions.js';
import { disclose } from '../cases/team.js';
import { open, ownerOf, receiverSelect, receiverView, seal } from './fields.js';
import type { DeclineOnward, OnwardOutcomeRecord } from './schema.js';

const DAY_MS = 86_400_000;

const withdrawn = (id: string) => new AppError('ONWARD_WITHDRAWN', { entity: { type: 'OnwardReferral', id } });

const answerable = {
  id: true,
  caseId: true,
  referralId: true,
  municipalityId: true,
  agencyId: true,
  status: true,
  sentById: true,
  discloseSections: true,
  disclosePurposeId: true,
  disclosePurpose: true,
  discloseLegalBasis: true,
  discloseConsentId: true,
  discloseConsentPurpose: true,
  discloseDays: true,
  interventionType: true,
  interventionTypeItemId: true,
  interventionTitle: true,
  case: { select: { anonymisedAt: true } },
  referral: { select: { anonymisedAt: true } },
} as const;

/** The onward referral `id` if it was sent to the user's agency; anything else is NOT_FOUND (audited as denied). */
async function findAnswerable(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'answer', 'OnwardReferral');
  const row = await ctx.db.onwardReferral.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'answer').ofType('OnwardReferral'), { id }] },
    select: answerable,
  });
  if (!row) throw notFound('OnwardReferral', id);
  // Retention took its record: its words are gone and nothing more can be written under its key.
  if (row.case?.anonymisedAt || row.referral?.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  // Its case moved to another city before anyone answered (transfers/leave.ts): there is nothing left to answer.
  if (row.status === 'withdrawn') throw withdrawn(row.id);
  return row;
}
type Answerable = Awaited<ReturnType<typeof findAnswerable>>;

/**
 * The item the sender chose, while it is live; retired since, the code alone (addIntervention then takes the
 * municipality's first live item of that code), so a list's change does not stop the agency's acceptance.
 */
async function liveItem(ctx: ServiceContext, row: Answerable) {
  if (!row.interventionTypeItemId) return undefined;
  const item = await ctx.db.listItem.findFirst({
    where: { id: row.interventionTypeItemId, municipalityId: row.municipalityId, retiredAt: null },
    select: { id: true },
  });
  return item?.id;
}

/** Moves it from `from` to the answer; of two answers at once the second finds it moved: ALREADY_ANSWERED. */
async function claim(ctx: ServiceContext, row: Answerable, from: 'sent' | 'accepted', data: Prisma.OnwardReferralUncheckedUpdateManyInput) {
  const { count } = await ctx.db.onwardReferral.updateMany({
    where: { id: row.id, municipalityId: row.municipalityId, status: from },
    data,
  });
  if (count === 0) {
    const now = await ctx.db.onwardReferral.findFirstOrThrow({
      where: { id: row.id, municipalityId: row.municipalityId },
      select: { status: true },
    });
    // Withdrawn meanwhile by the transfer of its case (the transfer's transaction committed first).
    if (now.status === 'withdrawn') throw withdrawn(row.id);
    if (from === 'sent') throw new AppError('ALREADY_ANSWERED', { fields: { id: now.status } });
    throw new AppError('INVALID_TRANSITION', { fields: { id: now.status } });
  }
}

const reread = async (ctx: ServiceContext, id: string, municipalityId: string) =>
  receiverView(ctx, await ctx.db.onwardReferral.findFirstOrThrow({ where: { id, municipalityId }, select: receiverSelect }));

/**
 * What the sender proposed, made now by the cases services under the sender's own rights as they stand
 * today (rebuilt from their account: a sender who left or lost the case makes nothing), so every rule of
 * a disclosure (purpose bans, consent coverage, expiry) and of an intervention applies. Each is audited
 * as a step of the acceptance, naming the sender it was made for.
 */
async function makeProposed(ctx: ServiceContext, row: Answerable, now: Date) {
  const wantsDisclosure = row.discloseSections.length > 0;
  if (!row.caseId || (!wantsDisclosure && !row.interventionType)) return { disclosureId: null, interventionId: null };
  const sender = await ctx.db.user.findFirst({
    where: { id: row.sentById, municipalityId: row.municipalityId, disabledAt: null },
    select: sessionUserSelect,
  });
  if (!sender) throw new AppError('INVALID_TRANSITION', { fields: { id: 'sender_inactive' } });
  const asSender = { ...ctx, user: sender, ability: defineAbilityFor(sender, now) };
  const onBehalfOf = { onBehalfOf: sender.id, onwardId: row.id };
  let disclosureId: string | null = null;
  let interventionId: string | null = null;
  if (wantsDisclosure) {
    const input: Disclose = {
      caseId: row.caseId,
      agencyId: row.agencyId,
      purposeId: row.disclosePurposeId!,
      ...(row.disclosePurpose ? { purposeWords: await open(ctx, 'disclosePurpose', row.id, row.disclosePurpose) } : {}),
      sections: row.discloseSections,
      legalBasis: row.discloseLegalBasis!,
      expiresAt: new Date(now.getTime() + row.discloseDays! * DAY_MS),
      ...(row.discloseLegalBasis === 'consent'
        ? { consentId: row.discloseConsentId!, consentPurpose: row.discloseConsentPurpose as ConsentPurpose }
        : {}),
    };
    const made = await ctx.audit.step('case.disclose', (audit) =>
      disclose({ ...asSender, audit: audit.subject('Case', input.caseId).detail(onBehalfOf) }, input),
    );
    disclosureId = made.id;
  }
  if (row.interventionType) {
    const title = await open(ctx, 'interventionTitle', row.id, row.interventionTitle!);
    const typeItemId = await liveItem(ctx, row);
    const made = await ctx.audit.step('case.intervention.create', (audit) =>
      addIntervention(
        { ...asSender, audit: audit.subject('Case', row.caseId!).detail(onBehalfOf) },
        { caseId: row.caseId!, type: row.interventionType!, typeItemId, title, agencyId: row.agencyId, assigneeId: ctx.user.id },
      ),
    );
    interventionId = made.id;
  }
  return { disclosureId, interventionId };
}

/**
 * A practitioner of the receiving agency accepts: the sender's proposed disclosure and intervention (the
 * intervention assigned to them) are made in the same transaction, or nothing is.
 */
export async function acceptOnward(ctx: ServiceContext, id: string) {
  const row = await findAnswerable(ctx, id);
  // A case closed (or anonymised) since it was sent takes no new disclosure or intervention: sending to it is refused too.
  if (row.caseId) {
    const c = await ctx.db.case.findFirstOrThrow({
      where: { id: row.caseId, municipalityId: row.municipalityId },
      select: { stage: true, anonymisedAt: true },
    });
    if (c.anonymisedAt || c.stage === 'closed' || c.stage === 'follow_up')
      throw new AppError('INVALID_TRANSITION', { fields: { id: 'case_closed' } });
  }
  const now = ctx.clock();
  await claim(ctx, row, 'sent', { status: 'accepted', answeredAt: now, answeredById: ctx.user.id });
  const made = await makeProposed(ctx, row, now);
  if (made.disclosureId || made.interventionId)
    await ctx.db.onwardReferral.updateMany({ where: { id: row.id, municipalityId: row.municipalityId }, data: made });
  const facts = { onwardId: row.id, agencyId: row.agencyId, ...made };
  if (row.caseId) await recordEvent(ctx, { id: row.caseId, municipalityId: row.municipalityId }, 'onward', { step: 'accepted', ...facts });
  ctx.audit.detail(facts);
  return reread(ctx, row.id, row.municipalityId);
}

/** A practitioner of the receiving agency declines, with the reason (required, encrypted) the sender reads. */
export async function declineOnward(ctx: ServiceContext, input: DeclineOnward) {
  const row = await findAnswerable(ctx, input.id);
  const now = ctx.clock();
  await claim(ctx, row, 'sent', {
    status: 'declined',
    answeredAt: now,
    answeredById: ctx.user.id,
    declineReason: await seal(ctx, ownerOf(row), 'declineReason', row.id, input.reason),
  });
  const facts = { onwardId: row.id, agencyId: row.agencyId };
  if (row.caseId) await recordEvent(ctx, { id: row.caseId, municipalityId: row.municipalityId }, 'onward', { step: 'declined', ...facts });
  ctx.audit.detail(facts);
  return reread(ctx, row.id, row.municipalityId);
}

/** A practitioner of the receiving agency records how an accepted onward referral ended; once. */
export async function recordOnwardOutcome(ctx: ServiceContext, input: OnwardOutcomeRecord) {
  const row = await findAnswerable(ctx, input.id);
  await claim(ctx, row, 'accepted', {
    status: 'completed',
    outcome: input.outcome,
    outcomeNote: await seal(ctx, ownerOf(row), 'outcomeNote', row.id, input.note),
    outcomeAt: ctx.clock(),
    outcomeById: ctx.user.id,
  });
  const facts = { onwardId: row.id, agencyId: row.agencyId, outcome: input.outcome };
  if (row.caseId) await recordEvent(ctx, { id: row.caseId, municipalityId: row.municipalityId }, 'onward', { step: 'outcome', ...facts });
  ctx.audit.detail(facts);
  return reread(ctx, row.id, row.municipalityId);
}
