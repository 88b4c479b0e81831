import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { openCase } from '../cases/open.js';
import { insertOnward } from '../onward/send.js';
import type { ScreenReferralInput } from './schema.js';

type Screen = z.infer<typeof ScreenReferralInput>;

const STATUS_OF = { accept: 'accepted', signpost: 'signposted', close: 'closed' } as const;

/** The decision's own columns; the ones of the other decisions stay empty. */
function decisionColumns(input: Screen) {
  switch (input.decision) {
    case 'accept':
      return { signpostTo: null, closeReason: null, decisionReason: null };
    case 'signpost':
      return { signpostTo: null, closeReason: null, decisionReason: input.reason };
    case 'close':
      return { signpostTo: null, closeReason: input.closeReason, decisionReason: input.reason };
  }
}

/** The decision's minuted words, under the referral's key, bound to the referral (referrals/service.ts opens them). */
export const DECISION_REASON_FIELD = 'referral.decision_reason';
async function sealedReason<T extends { decisionReason: string | null }>(ctx: ServiceContext, id: string, columns: T): Promise<T> {
  if (!columns.decisionReason) return columns;
  return { ...columns, decisionReason: await sealText(ctx, { kind: 'referral', id }, DECISION_REASON_FIELD, id, columns.decisionReason) };
}

/**
 * A coordinator's screening decision on a submitted referral: accept (opens a case in this same
 * transaction), signpost to another service, or close without action with a minuted reason.
 * A referral is screened once: the update only matches while it is still `submitted`, so of two
 * coordinators deciding at the same moment the second waits for the first and then gets ALREADY_SCREENED.
 */
export async function screenReferral(ctx: ServiceContext, input: Screen) {
  assertCan(ctx.ability, 'screen', 'Referral');
  const where: Prisma.ReferralWhereInput = { AND: [accessibleBy(ctx.ability, 'screen').ofType('Referral'), { id: input.id }] };
  const referral = await ctx.db.referral.findFirst({ where, select: { id: true, personId: true, cohort: true, cohortItemId: true } });
  if (!referral) throw notFound('Referral', input.id);

  const now = ctx.clock();
  const status = STATUS_OF[input.decision];
  const claimed = await ctx.db.referral.updateMany({
    where: { id: referral.id, status: 'submitted' },
    data: { status, decidedAt: now, decidedById: ctx.user.id, ...(await sealedReason(ctx, referral.id, decisionColumns(input))) },
  });
  if (claimed.count === 0) throw new AppError('ALREADY_SCREENED', { entity: { type: 'Referral', id: referral.id } });

  if (input.decision === 'signpost') {
    const { id, decision, reason, ...onward } = input;
    const sent = await insertOnward(ctx, { referralId: referral.id }, onward);
    // Where it went, in the words the referrer's and the printed pages show (as free-text signposts did).
    await ctx.db.referral.updateMany({
      where: { id: referral.id, municipalityId: ctx.user.municipalityId },
      data: { signpostTo: sent.agency.name },
    });
  }
  const opened =
    input.decision === 'accept'
      ? await openCase(
          ctx.db,
          { record: (event) => ctx.audit.also(event) },
          {
            municipalityId: ctx.user.municipalityId,
            personId: referral.personId,
            referralId: referral.id,
            cohort: referral.cohort,
            cohortItemId: referral.cohortItemId,
            actorId: ctx.user.id,
            at: now,
          },
        )
      : null;
  ctx.audit.detail({
    decision: input.decision,
    ...(opened ? { caseId: opened.id } : {}),
    ...(input.decision === 'close' ? { closeReason: input.closeReason } : {}),
  });
  return { id: referral.id, status, decidedAt: now, case: opened };
}
