import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { UpdateSettings } from './schema.js';

const settingsSelect = {
  reviewIntervalDays: true,
  screeningSlaDays: true,
  breakGlassMinutes: true,
  draftDays: true,
  onwardAnswerDays: true,
} as const;

function assertAdmin(ctx: ServiceContext, action: 'read' | 'update') {
  if (!ctx.ability.can(action, 'Municipality'))
    throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
}

/**
 * Admin: the municipality's working settings (days between case reviews, working days to screen a referral, minutes of a
 * break-glass, days a draft is kept, working days a partner agency has to answer an onward referral).
 */
export async function getSettings(ctx: ServiceContext) {
  assertAdmin(ctx, 'read');
  const settings = await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: settingsSelect });
  ctx.audit.subject('Municipality', ctx.user.municipalityId);
  return settings;
}

/**
 * Admin: changes the settings. A new review interval applies to the next review dates set (cases
 * opened, reviewed, reopened); dates already set stay. A new screening deadline applies at once; a
 * new draft lifetime to drafts saved from then on.
 * Audited with the values before and after.
 */
export async function updateSettings(ctx: ServiceContext, input: UpdateSettings) {
  assertAdmin(ctx, 'update');
  const before = await getSettings(ctx);
  const after = await ctx.db.municipality.update({ where: { id: ctx.user.municipalityId }, data: input, select: settingsSelect });
  ctx.audit.subject('Municipality', ctx.user.municipalityId).detail({ before, after });
  return after;
}
