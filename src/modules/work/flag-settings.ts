import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { RULE_SETTINGS_SELECT } from '../audit/rules/sql.js';

const minuteOfDay = z.number().int().min(0).max(1_440);

/**
 * Working hours (minutes after local midnight, in an IANA time zone), weekend days (0 = Sunday) and the
 * flag rules' thresholds. Defaults come from the country (migration 20261204160000_flag_rules).
 */
export const UpdateFlagSettingsInput = z
  .object({
    timeZone: z
      .string()
      .max(64)
      .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'invalid')
      .optional(),
    weekendDays: z
      .array(z.number().int().min(0).max(6))
      .min(1)
      .max(3)
      .refine((d) => new Set(d).size === d.length, 'invalid')
      .optional(),
    workdayStart: minuteOfDay.optional(),
    workdayEnd: minuteOfDay.optional(),
    bulkReadLimit: z.number().int().min(10).max(10_000).optional(),
    bulkReadMinutes: z.number().int().min(1).max(240).optional(),
    denialLimit: z.number().int().min(3).max(1_000).optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), { message: 'required', path: ['timeZone'] });

const select = RULE_SETTINGS_SELECT;

// A security setting: a hub's admin keeps it too (hub/policy.ts), unlike the casework settings.
function assertAdmin(ctx: ServiceContext, action: 'read' | 'update') {
  if (!ctx.ability.can(`${action}:security`, 'Municipality'))
    throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
}

/** Admin: the working hours and the flag rules' thresholds. */
export async function getFlagSettings(ctx: ServiceContext) {
  assertAdmin(ctx, 'read');
  const settings = await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select });
  ctx.audit.subject('Municipality', ctx.user.municipalityId);
  return settings;
}

/** Admin: changes them; the rules use the new values from their next turn. Audited with before and after. */
export async function setFlagSettings(ctx: ServiceContext, input: z.infer<typeof UpdateFlagSettingsInput>) {
  const before = await getFlagSettings(ctx);
  // The day must start before it ends (hours across midnight are not a municipality's working day).
  if ((input.workdayStart ?? before.workdayStart) >= (input.workdayEnd ?? before.workdayEnd))
    throw new AppError('BAD_INPUT', { fields: { workdayEnd: 'too_small' } });
  const after = await ctx.db.municipality.update({ where: { id: ctx.user.municipalityId }, data: input, select });
  ctx.audit.subject('Municipality', ctx.user.municipalityId).detail({ before, after });
  return after;
}
