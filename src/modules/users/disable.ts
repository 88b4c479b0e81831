import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { caseloadOf, countByKind } from './caseload.js';
import type { DisableUserInput } from './schema.js';
import { setDisabled } from './service.js';

/**
 * Admin: disables an account (every session ends). While work is still assigned to it, the refusal
 * CASELOAD_LEFT says how much, unless the input names the active coordinator of the town who
 * confirmed they will pick it up; the event records who that was and what was left.
 */
export async function disableUser(ctx: ServiceContext, input: z.infer<typeof DisableUserInput>) {
  // Access first (an account out of reach is NOT_FOUND before anything is counted); a refusal below rolls it back.
  const user = await setDisabled(ctx, input.id, true);
  const counts = countByKind(await caseloadOf(ctx.db, input.id, ctx.user.municipalityId, ctx.clock()));
  if (Object.values(counts).every((n) => n === 0)) return user;
  if (!input.pickUpConfirmedBy) throw new AppError('CASELOAD_LEFT', { fields: { pickUpConfirmedBy: 'CASELOAD_LEFT' }, data: counts });
  const coordinator = await ctx.db.user.findFirst({
    where: {
      id: input.pickUpConfirmedBy,
      municipalityId: ctx.user.municipalityId,
      role: 'coordinator',
      disabledAt: null,
      NOT: { id: input.id },
    },
    select: { id: true },
  });
  if (!coordinator) throw new AppError('BAD_INPUT', { fields: { pickUpConfirmedBy: 'PICK_UP_NOT_COORDINATOR' } });
  ctx.audit.detail({ caseloadLeft: counts, pickUpConfirmedBy: coordinator.id });
  return user;
}
