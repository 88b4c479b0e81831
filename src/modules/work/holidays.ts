import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';

/** A holiday's day, "2026-03-20": a real date (no 30 February) between 2000 and 2100. */
const holidayDate = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'date_out_of_range');

/**
 * The whole list of the municipality's public holidays, as the admin leaves it: each day once, with
 * its name (Eid al-Fitr, Independence Day…). At most 200 (a few years ahead).
 */
export const SetHolidaysInput = z.object({
  holidays: z
    .array(z.object({ date: holidayDate, name: z.string().trim().min(1).max(100) }))
    .max(200)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((h, i) => {
        if (seen.has(h.date)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: [i, 'date'] });
        seen.add(h.date);
      });
    }),
});

const select = { date: true, name: true } as const;
const asDay = (h: { date: Date; name: string }) => ({ date: h.date.toISOString().slice(0, 10), name: h.name });

function assertAdmin(ctx: ServiceContext, action: 'read' | 'update') {
  if (!ctx.ability.can(action, 'Municipality'))
    throw new AppError('FORBIDDEN', { entity: { type: 'Municipality', id: ctx.user.municipalityId } });
}

/** Admin: the municipality's public holidays, by date. */
export async function listHolidays(ctx: ServiceContext) {
  assertAdmin(ctx, 'read');
  const rows = await ctx.db.publicHoliday.findMany({
    where: { municipalityId: ctx.user.municipalityId },
    select,
    orderBy: { date: 'asc' },
  });
  ctx.audit.subject('Municipality', ctx.user.municipalityId);
  return rows.map(asDay);
}

/**
 * Admin: replaces the list (one transaction with the audit event, so a refused list saves nothing).
 * Deadlines, reminders and review dates count with it from their next reading. Audited with what
 * was added and removed.
 */
export async function setHolidays(ctx: ServiceContext, input: z.infer<typeof SetHolidaysInput>) {
  assertAdmin(ctx, 'update');
  const before = await listHolidays(ctx);
  const municipalityId = ctx.user.municipalityId;
  await ctx.db.publicHoliday.deleteMany({ where: { municipalityId } });
  await ctx.db.publicHoliday.createMany({
    data: input.holidays.map((h) => ({ municipalityId, date: new Date(`${h.date}T00:00:00Z`), name: h.name })),
  });
  const after = await listHolidays(ctx);
  const key = (h: { date: string; name: string }) => `${h.date} ${h.name}`;
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  ctx.audit.detail({
    added: after.filter((h) => !had.has(key(h))).map((h) => h.date),
    removed: before.filter((h) => !has.has(key(h))).map((h) => h.date),
    count: after.length,
  });
  return after;
}
