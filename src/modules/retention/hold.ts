import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { findCase } from '../cases/access.js';
import { rulesOf } from './rules.js';

/** The field bound into a hold reason's ciphertext, with the hold's id: a value copied to another row does not decrypt. */
export const HOLD_REASON_FIELD = 'legal_hold.reason';
export const holdReasonAad = (id: string) => `${HOLD_REASON_FIELD}/${id}`;

const caseSelect = {
  id: true,
  municipalityId: true,
  stage: true,
  closedAt: true,
  followUpAt: true,
  anonymisedAt: true,
  anonymisedRule: true,
} as const;

const holdSelect = {
  id: true,
  reason: true,
  placedAt: true,
  liftedAt: true,
  placedById: true,
  liftedById: true,
} as const;

/**
 * A case's retention standing for the coordinator: whether it was anonymised (when, under which rule),
 * its live legal hold and earlier ones (reasons decrypted, who placed and lifted them), and when the
 * retention rule would take it. Another town's or a missing case is NOT_FOUND; other roles FORBIDDEN.
 */
export async function holdStatus(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'hold', caseSelect);
  const holds = await ctx.db.legalHold.findMany({
    where: { municipalityId: ctx.user.municipalityId, caseId },
    select: holdSelect,
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
  });
  const people = await ctx.db.user.findMany({
    where: { municipalityId: ctx.user.municipalityId, id: { in: holds.flatMap((h) => [h.placedById, h.liftedById ?? h.placedById]) } },
    select: { id: true, displayName: true },
  });
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? null) : null);
  const rule = (await rulesOf(ctx.db, ctx.user.municipalityId)).find((r) => r.recordType === 'case_closed')!;
  const anchor = c.closedAt && (c.followUpAt && c.followUpAt > c.closedAt ? c.followUpAt : c.closedAt);
  const dueAt = anchor && !c.anonymisedAt ? addMonths(anchor, rule.months) : null;
  ctx.audit.subject('Case', c.id);
  const view = holds.map((h) => ({
    id: h.id,
    reason: h.reason ? ctx.keyring.decrypt(h.reason, holdReasonAad(h.id)) : null,
    placedAt: h.placedAt,
    placedBy: nameOf(h.placedById),
    liftedAt: h.liftedAt,
    liftedBy: nameOf(h.liftedById),
  }));
  return {
    caseId: c.id,
    anonymisedAt: c.anonymisedAt,
    anonymisedRule: c.anonymisedRule,
    dueAt,
    rule: { months: rule.months, legalReference: rule.legalReference },
    live: view.find((h) => !h.liftedAt) ?? null,
    earlier: view.filter((h) => h.liftedAt),
  };
}

/**
 * Places a legal hold on a case: retention anonymises neither the case nor its referral and person
 * while it lasts. The reason is encrypted, bound to the hold. One live hold per case (ALREADY_HELD,
 * also guarded by a unique index); an anonymised case is past holding (CASE_ANONYMISED).
 */
export async function placeHold(ctx: ServiceContext, input: { caseId: string; reason: string }) {
  const c = await findCase(ctx, input.caseId, 'hold', caseSelect);
  if (c.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  // Waits for a retention run that holds the case's row, so the hold either comes first or finds it anonymised.
  const [locked] = await ctx.db.$queryRaw<{ anonymised_at: Date | null }[]>`
    SELECT anonymised_at FROM case_record WHERE id = ${c.id}::uuid FOR UPDATE`;
  if (locked?.anonymised_at) throw new AppError('CASE_ANONYMISED');
  const live = await ctx.db.legalHold.findFirst({
    where: { municipalityId: c.municipalityId, caseId: c.id, liftedAt: null },
    select: { id: true },
  });
  if (live) throw new AppError('ALREADY_HELD');
  const id = randomUUID();
  await ctx.db.legalHold.create({
    data: {
      id,
      municipalityId: c.municipalityId,
      caseId: c.id,
      reason: ctx.keyring.encrypt(input.reason, holdReasonAad(id)),
      placedById: ctx.user.id,
      placedAt: ctx.clock(),
    },
    select: { id: true },
  });
  ctx.audit.subject('Case', c.id).detail({ holdId: id });
  return { id, placedAt: ctx.clock() };
}

/** Lifts the case's live hold, if there is one (lifting twice lifts once). Audited with the hold lifted. */
export async function liftHold(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'hold', caseSelect);
  const live = await ctx.db.legalHold.findFirst({
    where: { municipalityId: c.municipalityId, caseId: c.id, liftedAt: null },
    select: { id: true },
  });
  const lifted = live
    ? await ctx.db.legalHold.updateMany({
        where: { municipalityId: c.municipalityId, id: live.id, liftedAt: null },
        data: { liftedAt: ctx.clock(), liftedById: ctx.user.id },
      })
    : { count: 0 };
  ctx.audit.subject('Case', c.id).detail({ holdId: live?.id ?? null, lifted: lifted.count });
  return { lifted: lifted.count };
}

/** `date` plus `months` calendar months, as PostgreSQL's interval arithmetic does (the 31st → the month's last day). */
export function addMonths(date: Date, months: number) {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
