import type { DbClient } from '../../db.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { RETENTION_RECORD_TYPES, type RetentionRecordType, type SetRule } from './schema.js';

export interface RetentionRuleView {
  recordType: RetentionRecordType;
  months: number;
  legalReference: string;
  /** True while the municipality keeps the default (no row of its own). */
  isDefault: boolean;
  updatedAt: Date | null;
}

/**
 * The defaults a data-protection officer can defend (README, "Retention"): the storage-limitation
 * principle of Convention 108+ (art. 5(4)(e)), which Tunisia and Morocco ratified and which the laws of
 * the network's countries follow. The admin replaces the reference with the national text in force.
 * - A referral closed without action (not appropriate, insufficient, mistaken, malicious): 6 months,
 *   long enough to answer a complaint or see a repeat referral, short enough that a concern found
 *   groundless does not become a list of suspects.
 * - A signposted referral: 12 months; the other service keeps its own record, ours only answers for
 *   the handover.
 * - A closed case: 36 months after closure, or after the follow-up check when one was set: the time a
 *   re-referral or a complaint typically comes, and the usual limitation for administrative claims.
 */
export const DEFAULT_RULES: Record<RetentionRecordType, { months: number; legalReference: string }> = {
  referral_closed: { months: 6, legalReference: 'Convention 108+, art. 5(4)(e) (storage limitation)' },
  referral_signposted: { months: 12, legalReference: 'Convention 108+, art. 5(4)(e) (storage limitation)' },
  case_closed: { months: 36, legalReference: 'Convention 108+, art. 5(4)(e) (storage limitation)' },
};

/** A municipality's rules: its own rows, and the default for every type without one. */
export async function rulesOf(db: DbClient, municipalityId: string): Promise<RetentionRuleView[]> {
  const rows = await db.retentionRule.findMany({
    where: { municipalityId },
    select: { recordType: true, months: true, legalReference: true, updatedAt: true },
  });
  return RETENTION_RECORD_TYPES.map((recordType) => {
    const row = rows.find((r) => r.recordType === recordType);
    return row ? { ...row, isDefault: false } : { recordType, ...DEFAULT_RULES[recordType], isDefault: true, updatedAt: null };
  });
}

function assertAdmin(ctx: ServiceContext, action: 'read' | 'update') {
  if (!ctx.ability.can(action, 'Municipality'))
    throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
}

/** Admin: the municipality's retention rules. */
export async function getRules(ctx: ServiceContext) {
  assertAdmin(ctx, 'read');
  ctx.audit.subject('Municipality', ctx.user.municipalityId);
  return rulesOf(ctx.db, ctx.user.municipalityId);
}

/** Admin: sets one rule's period and legal reference; audited with old → new. The job uses it from its next turn. */
export async function setRule(ctx: ServiceContext, input: SetRule) {
  assertAdmin(ctx, 'update');
  const municipalityId = ctx.user.municipalityId;
  const before = (await rulesOf(ctx.db, municipalityId)).find((r) => r.recordType === input.recordType)!;
  const data = { months: input.months, legalReference: input.legalReference, updatedAt: ctx.clock(), updatedById: ctx.user.id };
  await ctx.db.retentionRule.upsert({
    where: { municipalityId_recordType: { municipalityId, recordType: input.recordType } },
    create: { municipalityId, recordType: input.recordType, ...data },
    update: data,
    select: { id: true },
  });
  ctx.audit.subject('Municipality', municipalityId).detail({
    recordType: input.recordType,
    before: { months: before.months, legalReference: before.legalReference, isDefault: before.isDefault },
    after: { months: input.months, legalReference: input.legalReference },
  });
  return (await rulesOf(ctx.db, municipalityId)).find((r) => r.recordType === input.recordType)!;
}
