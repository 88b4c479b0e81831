import { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';

export const EndBreakGlassInput = z.object({ id: z.uuid() });

/**
 * Ends the live grant of `municipalityId` that `where` names at `now`, in one statement: two requests at
 * once cannot both end it (the second finds no live grant), and an expired or already ended grant is left
 * as it is. Whether it ended one. The writer of an end by hand and of the end a transfer of the case
 * brings (transfers/leave.ts).
 */
export async function writeGrantEnd(
  ctx: Pick<ServiceContext, 'db'>,
  municipalityId: string,
  where: Prisma.BreakGlassWhereInput,
  now: Date,
) {
  const { count } = await ctx.db.breakGlass.updateMany({
    where: { AND: [where, { municipalityId, endedAt: null, expiresAt: { gt: now } }] },
    data: { endedAt: now },
  });
  return count > 0;
}

/** What the audit event of an ended grant says (`case.breakGlass.end`): never the justification. */
export const endedFacts = (grant: { caseId: string; expiresAt: Date }, now: Date) => ({
  caseId: grant.caseId,
  endedAt: now.toISOString(),
  expiresAt: grant.expiresAt.toISOString(),
});

/**
 * Social worker: ends their own live emergency access before it expires (the work is done). From
 * that moment the grant reaches nothing (the rules want `endedAt: null`); its flag and the case's
 * timeline say it ended early. Only one's own, only a live one: another's grant, an expired or an
 * already ended one is NOT_FOUND. It can only shorten a grant, never lengthen it.
 */
export async function endBreakGlass(ctx: ServiceContext, input: z.infer<typeof EndBreakGlassInput>) {
  assertCan(ctx.ability, 'update', 'BreakGlass');
  const now = ctx.clock();
  const mine = { AND: [accessibleBy(ctx.ability, 'update').ofType('BreakGlass'), { id: input.id }] };
  const ended = await writeGrantEnd(ctx, ctx.user.municipalityId, mine, now);
  if (!ended) throw new AppError('NOT_FOUND', { entity: { type: 'BreakGlass', id: input.id } });
  const grant = await ctx.db.breakGlass.findUniqueOrThrow({ where: { id: input.id }, select: { caseId: true, expiresAt: true } });
  ctx.audit.subject('BreakGlass', input.id).detail(endedFacts(grant, now));
  return { id: input.id, endedAt: now };
}
