import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import type { CreatePurposeInput, UpdatePurposeInput } from './schema.js';

export const purposeSelect = {
  id: true,
  code: true,
  labelAr: true,
  labelFr: true,
  labelEn: true,
  retiredAt: true,
} satisfies Prisma.DisclosurePurposeSelect;

const taken = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' ? new AppError('CONFLICT', { fields: { labelEn: 'PURPOSE_LABEL_TAKEN' } }) : err;

/** The municipality's purposes, by core code then English label; retired ones only when asked. */
export async function listPurposes(ctx: ServiceContext, includeRetired: boolean) {
  assertCan(ctx.ability, 'read', 'DisclosurePurpose');
  const rows = await ctx.db.disclosurePurpose.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('DisclosurePurpose'), includeRetired ? {} : { retiredAt: null }] },
    select: purposeSelect,
    orderBy: [{ code: 'asc' }, { labelEn: 'asc' }],
  });
  ctx.audit.detail({ count: rows.length, includeRetired });
  return rows;
}

/** Admin: a new purpose with its labels and core code (the code decides the bans it falls under). */
export async function createPurpose(ctx: ServiceContext, input: z.infer<typeof CreatePurposeInput>) {
  assertCan(ctx.ability, 'create', 'DisclosurePurpose');
  const row = await ctx.db.disclosurePurpose
    .create({ data: { ...input, municipalityId: ctx.user.municipalityId, createdAt: ctx.clock() }, select: purposeSelect })
    .catch((err) => {
      throw taken(err);
    });
  ctx.audit.subject('DisclosurePurpose', row.id).detail({ code: row.code, labelEn: row.labelEn });
  return row;
}

/**
 * Admin: relabel, retire or restore. A retired purpose can no longer be chosen; the disclosures made
 * for it keep it (and so does the record of processing). Another municipality's purpose is NOT_FOUND.
 */
export async function updatePurpose(ctx: ServiceContext, input: z.infer<typeof UpdatePurposeInput>) {
  const { id, retired, ...labels } = input;
  assertCan(ctx.ability, 'update', 'DisclosurePurpose');
  const before = await ctx.db.disclosurePurpose.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('DisclosurePurpose'), { id }] },
    select: purposeSelect,
  });
  if (!before) throw notFound('DisclosurePurpose', id);
  const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? ctx.clock()) : null;
  const row = await ctx.db.disclosurePurpose
    .update({ where: { id, municipalityId: ctx.user.municipalityId }, data: { ...labels, retiredAt }, select: purposeSelect })
    .catch((err) => {
      throw taken(err);
    });
  if (retired === true && !before.retiredAt) ctx.audit.narrow('purpose.retire');
  if (retired === false && before.retiredAt) ctx.audit.narrow('purpose.restore');
  const changed = Object.keys(labels).filter((k) => labels[k as keyof typeof labels] !== before[k as keyof typeof labels]);
  ctx.audit.detail({ code: row.code, changed });
  return row;
}

/**
 * The purpose a disclosure names: of the user's municipality (else NOT_FOUND on the field, so another
 * town's id says nothing) and not retired (else BAD_INPUT `retired`).
 */
export async function usablePurpose(ctx: ServiceContext, id: string, field = 'purposeId') {
  const row = await ctx.db.disclosurePurpose.findFirst({
    where: { id, municipalityId: ctx.user.municipalityId },
    select: { id: true, code: true, retiredAt: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { entity: { type: 'DisclosurePurpose', id }, fields: { [field]: 'NOT_FOUND' } });
  if (row.retiredAt) throw new AppError('BAD_INPUT', { fields: { [field]: 'retired' } });
  return row;
}
