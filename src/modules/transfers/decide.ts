import type { z } from 'zod';
import { subject } from '@casl/ability';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { isOpen } from '../../shared/stages.js';
import { recordEvent } from '../cases/access.js';
import { openCase } from '../cases/open.js';
import { chosenItem } from '../lists/chosen.js';
import { liveConsent } from '../consent/fields.js';
import type { CreatePersonInput } from '../people/schema.js';
import { createPerson } from '../people/service.js';

type CreatePerson = z.infer<typeof CreatePersonInput>;
import { copySections } from './copy.js';
import { leaveSendingCity } from './leave.js';
import { DECLINE_REASON_FIELD, cityNames, sealTransferText, transferSelect } from './fields.js';
import { bothChains, sharedHub } from './propose.js';
import type { AcceptTransfer, DeclineTransfer } from './schema.js';

/** Refused unless the user is a coordinator receiving into their own city. */
export function assertReceives(ctx: ServiceContext) {
  if (!ctx.ability.can('receiveTransfer', subject('Municipality', { id: ctx.user.municipalityId }) as never))
    throw new AppError('FORBIDDEN', { entity: { type: 'CaseTransfer' } });
}

/** A proposal addressed to the user's city (another city's, or a crafted id: NOT_FOUND). */
export async function incoming(ctx: ServiceContext, id: string) {
  assertReceives(ctx);
  const t = await ctx.db.caseTransfer.findFirst({
    where: { id, receivingMunicipalityId: ctx.user.municipalityId },
    select: transferSelect,
  });
  if (!t) throw notFound('CaseTransfer', id);
  return t;
}

/** Marks the proposal decided, if it still is open (two answers at once: the second is refused). */
async function decide(ctx: ServiceContext, id: string, municipalityId: string, data: Record<string, unknown>) {
  const done = await ctx.db.caseTransfer.updateMany({
    where: { id, municipalityId, receivingMunicipalityId: ctx.user.municipalityId, status: 'proposed' },
    data: { ...data, decidedById: ctx.user.id, decidedAt: ctx.clock() },
  });
  if (done.count !== 1) throw new AppError('CONFLICT', { fields: { id: 'not_open' } });
}

/** The person's identity as the sending city holds it (never their contact, address or safe contact). */
async function identityOf(ctx: ServiceContext, caseId: string, municipalityId: string) {
  const c = await ctx.db.case.findFirst({
    where: { id: caseId, municipalityId },
    select: {
      cohort: true,
      stage: true,
      person: {
        select: {
          nameArabic: true,
          nameLatin: true,
          fatherName: true,
          birthDate: true,
          birthYear: true,
          sex: true,
          nationality: true,
          languages: true,
          cohort: true,
        },
      },
    },
  });
  if (!c) throw notFound('Case', caseId);
  return c;
}

/**
 * Receiving coordinator: accepts. In one transaction: the proposal is marked accepted; the person is the
 * receiving city's own record chosen (from transfers.matches) or a new one from the identity sent; a case
 * opens in the receiving city with copies of the sections sent, re-sealed under its own key; the sending
 * case closes as 'transferred'. Both timelines record the step and name the other case only by its
 * reference; both cities' audit chains record it. Refused when the hub no longer joins the two cities,
 * the sending case is no longer open, or the consent it rested on is no longer live.
 */
export async function acceptTransfer(ctx: ServiceContext, input: AcceptTransfer) {
  const t = await incoming(ctx, input.id);
  if (t.status !== 'proposed') throw new AppError('CONFLICT', { fields: { id: 'not_open' } });
  const from = { caseId: t.caseId, municipalityId: t.municipalityId };
  const sending = await identityOf(ctx, t.caseId, t.municipalityId);
  if (!isOpen(sending.stage)) throw new AppError('INVALID_TRANSITION', { fields: { id: 'case_closed' } });
  if ((await sharedHub(ctx, t.municipalityId)) === null) throw new AppError('FORBIDDEN', { entity: { type: 'CaseTransfer', id: t.id } });
  const now = ctx.clock();
  if (t.legalBasis === 'consent') {
    const live = await ctx.db.consent.findFirst({
      where: { id: t.consentId!, caseId: t.caseId, municipalityId: t.municipalityId, ...liveConsent(now) },
      select: { purposes: true },
    });
    if (!live?.purposes.includes('transfer')) throw new AppError('NO_CONSENT', { fields: { id: 'not_live' } });
  }
  const personId = input.personId ? await ownPerson(ctx, input.personId) : await newPerson(ctx, sending.person);
  // The receiving city's own item for the cohort's core code (none live: the code alone).
  const cohortItemId = await chosenItem(ctx, 'cohort', { code: sending.cohort }, 'cohort').then(
    (c) => c.itemId,
    () => null,
  );
  const opened = await openCase(
    ctx.db,
    { record: (event) => ctx.audit.also(event) },
    {
      municipalityId: ctx.user.municipalityId,
      personId,
      referralId: null,
      cohort: sending.cohort,
      cohortItemId,
      actorId: ctx.user.id,
      at: now,
    },
  );
  await decide(ctx, t.id, t.municipalityId, { status: 'accepted', receivingCaseId: opened.id });
  const copied = await copySections(ctx, from, { caseId: opened.id, municipalityId: ctx.user.municipalityId }, t.id, t.sections);
  const sendingRef = await ctx.db.case.update({
    where: { id: t.caseId, municipalityId: t.municipalityId },
    data: { stage: 'closed', closedAt: now, closureReason: 'transferred', closedById: null, followUpAt: null, nextReviewAt: null },
    select: { reference: true, stage: true },
  });
  const names = await cityNames(ctx, [t.municipalityId, ctx.user.municipalityId]);
  await recordEvent(ctx, { id: opened.id, municipalityId: ctx.user.municipalityId }, 'city_transfer', {
    step: 'received',
    transferId: t.id,
    city: names.get(t.municipalityId) ?? null,
    reference: sendingRef.reference,
  });
  await recordEvent(ctx, { id: t.caseId, municipalityId: t.municipalityId }, 'city_transfer', {
    step: 'accepted',
    transferId: t.id,
    city: names.get(ctx.user.municipalityId) ?? null,
    reference: opened.reference,
  });
  // What the case leaves behind in the sending city: disclosures, open interventions, tasks, reminders,
  // unanswered onward referrals, live break-glass grants.
  const left = await leaveSendingCity(ctx, { transferId: t.id, ...from });
  await recordEvent(ctx, { id: t.caseId, municipalityId: t.municipalityId }, 'close', {
    from: sending.stage,
    to: 'closed',
    closureReason: 'transferred',
  });
  const facts = { transferId: t.id, sections: t.sections, copied, newPerson: input.personId === null };
  ctx.audit.subject('CaseTransfer', t.id).detail({ ...facts, caseId: opened.id, personId });
  const ended = {
    revoked: left.revoked.length,
    cancelled: left.cancelled.length,
    tasksDone: left.tasksDone.length,
    onwardWithdrawn: left.withdrawn.length,
    grantsEnded: left.grantsEnded.length,
  };
  bothChains(ctx, 'transfer.accept', t.municipalityId, t.id, { ...facts, caseId: t.caseId, closed: true, ...ended });
  return { id: t.id, caseId: opened.id, reference: opened.reference };
}

/** An existing, unmerged person of the receiving city (another city's or a crafted id: NOT_FOUND). */
async function ownPerson(ctx: ServiceContext, id: string) {
  if (!ctx.ability.can('match', 'Person')) throw forbidden('Person', id);
  const p = await ctx.db.person.findFirst({
    where: { id, municipalityId: ctx.user.municipalityId, mergedIntoId: null, anonymisedAt: null },
    select: { id: true },
  });
  if (!p) throw new AppError('NOT_FOUND', { entity: { type: 'Person', id }, fields: { personId: 'NOT_FOUND' } });
  return p.id;
}

type Identity = Awaited<ReturnType<typeof identityOf>>['person'];

/** A new person of the receiving city from the identity sent, registered as people.create does. */
async function newPerson(ctx: ServiceContext, p: Identity) {
  const created = await ctx.audit.step('person.create', (audit) =>
    createPerson(
      { ...ctx, audit },
      {
        nameArabic: p.nameArabic ?? undefined,
        nameLatin: p.nameLatin ?? undefined,
        fatherName: p.fatherName ?? undefined,
        birthDate: p.birthDate ?? undefined,
        birthYear: p.birthDate ? undefined : (p.birthYear ?? undefined),
        sex: p.sex,
        nationality: p.nationality ?? undefined,
        languages: p.languages as CreatePerson['languages'],
        cohort: p.cohort,
      },
    ),
  );
  return created.id;
}

/** Receiving coordinator: declines with a reason (sealed under the sending case's key; the sender reads it). */
export async function declineTransfer(ctx: ServiceContext, input: DeclineTransfer) {
  const t = await incoming(ctx, input.id);
  if (t.status !== 'proposed') throw new AppError('CONFLICT', { fields: { id: 'not_open' } });
  const reason = await sealTransferText(ctx, t.caseId, DECLINE_REASON_FIELD, t.id, input.reason);
  await decide(ctx, t.id, t.municipalityId, { status: 'declined', declineReason: reason });
  const city = (await cityNames(ctx, [ctx.user.municipalityId])).get(ctx.user.municipalityId) ?? null;
  await recordEvent(ctx, { id: t.caseId, municipalityId: t.municipalityId }, 'city_transfer', { step: 'declined', transferId: t.id, city });
  ctx.audit.subject('CaseTransfer', t.id);
  bothChains(ctx, 'transfer.decline', t.municipalityId, t.id, { caseId: t.caseId });
  return { id: t.id, status: 'declined' as const };
}
