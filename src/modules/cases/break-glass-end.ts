import { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';

export const EndBreakGlassInput = z.object({ id: z.uuid() });

/**
 * Social worker: ends their own live emergency access before it expires (the work is done). From
 * that moment the grant reaches nothing (the rules want `endedAt: null`); its flag and the case's
 * timeline say it ended early. Only one's own, only a live one: another's grant, an expired or an
 * already ended one is NOT_FOUND. It can only shorten a grant, never lengthen it.
 */
export async function endBreakGlass(ctx: ServiceContext, input: z.infer<typeof EndBreakGlassInput>) {
  assertCan(ctx.ability, 'update', 'BreakGlass');
  const now = ctx.clock();
  // One statement: two requests at once cannot both end it (the second finds no live grant).
  const { count } = await ctx.db.breakGlass.updateMany({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('BreakGlass'), { id: input.id, endedAt: null, expiresAt: { gt: now } }] },
    data: { endedAt: now },
  });
  if (count === 0) throw new AppError('NOT_FOUND', { entity: { type: 'BreakGlass', id: input.id } });
  const grant = await ctx.db.breakGlass.findUniqueOrThrow({ where: { id: input.id }, select: { caseId: true, expiresAt: true } });
  ctx.audit
    .subject('BreakGlass', input.id)
    .detail({ caseId: grant.caseId, endedAt: now.toISOString(), expiresAt: grant.expiresAt.toISOString() });
  return { id: input.id, endedAt: now };
}
