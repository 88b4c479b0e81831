import { randomUUID } from 'node:crypto';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { isOpen } from '../../shared/stages.js';
import { findCase, recordEvent } from '../cases/access.js';
import { liveConsent } from '../consent/fields.js';
import { coordinatorIds, enqueueAlerts, shortRef } from '../alerts/enqueue.js';
import { JUSTIFICATION_FIELD, cityNames, sealTransferText, transferSelect } from './fields.js';
import type { ProposeTransfer } from './schema.js';

/** The hub the user's city shares with `municipalityId`, or null (not a member city of any of its hubs). */
export async function sharedHub(ctx: ServiceContext, receivingMunicipalityId: string) {
  const row = await ctx.db.hubMember.findFirst({
    where: {
      municipalityId: receivingMunicipalityId,
      NOT: { municipalityId: ctx.user.municipalityId },
      hub: { hubMembers: { some: { municipalityId: ctx.user.municipalityId } } },
    },
    select: { hubId: true },
    orderBy: { hubId: 'asc' },
  });
  return row?.hubId ?? null;
}

/** The cities a case of the user's city may go to: the other members of the hubs it belongs to. */
export async function destinations(ctx: ServiceContext) {
  assertCan(ctx.ability, 'transferCity', 'Case');
  const rows = await ctx.db.hubMember.findMany({
    where: { NOT: { municipalityId: ctx.user.municipalityId }, hub: { hubMembers: { some: { municipalityId: ctx.user.municipalityId } } } },
    select: { municipality: { select: { id: true, name: true, country: true } } },
  });
  const byId = new Map(rows.map((r) => [r.municipality.id, r.municipality]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Sending coordinator: proposes to transfer an open case to a city of a hub both cities belong to. On
 * consent, the person's live consent on this case must cover the 'transfer' purpose; on any other basis
 * the justification is sealed under the case's key. One open proposal per case. Recorded on the case's
 * timeline, and on both cities' audit chains (the receiving city's event names the acting city).
 */
export async function proposeTransfer(ctx: ServiceContext, input: ProposeTransfer) {
  const c = await findCase(ctx, input.caseId, 'transferCity', { id: true, municipalityId: true, stage: true, anonymisedAt: true });
  if (!isOpen(c.stage) || c.anonymisedAt) throw new AppError('INVALID_TRANSITION', { fields: { caseId: 'case_closed' } });
  const hubId = await sharedHub(ctx, input.receivingMunicipalityId);
  if (!hubId)
    throw new AppError('NOT_FOUND', {
      entity: { type: 'Municipality', id: input.receivingMunicipalityId },
      fields: { receivingMunicipalityId: 'not_in_hub' },
    });
  const now = ctx.clock();
  if (input.legalBasis === 'consent') {
    const consent = await ctx.db.consent.findFirst({
      where: { id: input.consentId!, caseId: c.id, municipalityId: c.municipalityId, ...liveConsent(now) },
      select: { purposes: true },
    });
    if (!consent) throw new AppError('NO_CONSENT', { fields: { consentId: 'not_live' } });
    if (!consent.purposes.includes('transfer')) throw new AppError('NO_CONSENT', { fields: { consentId: 'not_covered' } });
  }
  const id = randomUUID();
  const basis =
    input.legalBasis === 'consent'
      ? { consentId: input.consentId!, justification: null }
      : { consentId: null, justification: await sealTransferText(ctx, c.id, JUSTIFICATION_FIELD, id, input.justification!) };
  const row = await ctx.db.caseTransfer
    .create({
      data: {
        id,
        municipalityId: c.municipalityId,
        receivingMunicipalityId: input.receivingMunicipalityId,
        hubId,
        caseId: c.id,
        sections: input.sections,
        legalBasis: input.legalBasis,
        ...basis,
        proposedById: ctx.user.id,
        proposedAt: now,
      },
      select: transferSelect,
    })
    .catch((err) => {
      if ((err as { code?: string })?.code === 'P2002') throw new AppError('CONFLICT', { fields: { caseId: 'transfer_open' } });
      throw err;
    });
  // The receiving city's coordinators are alerted: a reference of the proposal only, never the case's or a name.
  await enqueueAlerts(
    ctx.db,
    now,
    {
      municipalityId: input.receivingMunicipalityId,
      kind: 'transfer_to_decide',
      entityType: 'CaseTransfer',
      entityId: id,
      reference: shortRef('T', id),
    },
    await coordinatorIds(ctx.db, input.receivingMunicipalityId),
  );
  const city = (await cityNames(ctx, [input.receivingMunicipalityId])).get(input.receivingMunicipalityId) ?? null;
  await recordEvent(ctx, c, 'city_transfer', { step: 'proposed', transferId: id, city });
  const facts = { transferId: id, sections: input.sections, legalBasis: input.legalBasis, consentId: basis.consentId };
  ctx.audit.subject('CaseTransfer', id).detail({ ...facts, caseId: c.id, receivingMunicipalityId: input.receivingMunicipalityId });
  bothChains(ctx, 'transfer.propose', input.receivingMunicipalityId, id, facts);
  return { id: row.id, status: row.status };
}

/** How each step is recorded on the other city's chain. */
const OTHER_SIDE = {
  'transfer.propose': 'transfer.incoming.proposed',
  'transfer.withdraw': 'transfer.incoming.withdrawn',
  'transfer.accept': 'transfer.outgoing.accepted',
  'transfer.decline': 'transfer.outgoing.declined',
} as const;

/**
 * The step's event on the other city's chain. audit_append puts an event only on the chain of the
 * municipality it names, so a step that concerns two cities is two events of one request: the procedure's
 * own on the actor's city's chain, and this one, under its own action (the step as the other city sees it),
 * naming the actor, with `actingMunicipalityId` saying which city they acted from.
 */
export function bothChains(
  ctx: ServiceContext,
  step: keyof typeof OTHER_SIDE,
  otherMunicipalityId: string,
  transferId: string,
  facts: Record<string, unknown>,
) {
  ctx.audit.also({
    action: OTHER_SIDE[step],
    municipalityId: otherMunicipalityId,
    entityType: 'CaseTransfer',
    entityId: transferId,
    detail: { ...facts, actingMunicipalityId: ctx.user.municipalityId },
  });
}

/** Sending coordinator: withdraws an open proposal (the receiving city can no longer answer it). */
export async function withdrawTransfer(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'update', 'CaseTransfer');
  const t = await ctx.db.caseTransfer.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('CaseTransfer'), { id }] },
    select: { id: true, caseId: true, municipalityId: true, receivingMunicipalityId: true, status: true },
  });
  if (!t) throw notFound('CaseTransfer', id);
  const now = ctx.clock();
  const done = await ctx.db.caseTransfer.updateMany({
    where: { id: t.id, municipalityId: t.municipalityId, status: 'proposed' },
    data: { status: 'withdrawn', decidedById: ctx.user.id, decidedAt: now },
  });
  if (done.count !== 1) throw new AppError('CONFLICT', { fields: { id: 'not_open' } });
  await recordEvent(ctx, { id: t.caseId, municipalityId: t.municipalityId }, 'city_transfer', { step: 'withdrawn', transferId: t.id });
  ctx.audit.detail({ caseId: t.caseId });
  bothChains(ctx, 'transfer.withdraw', t.receivingMunicipalityId, t.id, {});
  return { id: t.id, status: 'withdrawn' as const };
}
