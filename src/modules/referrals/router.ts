import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { createReferral } from './create.js';
import { listQueue } from './queue.js';
import { screenReferral } from './screening.js';
import { getReferral, listMine } from './service.js';
import { CorrectReferralInput, correctReferral } from './correct.js';
import { referralHistory } from '../history/read.js';
import { CreateReferralInput, ListMineInput, QueueInput, ReferralIdInput, ScreenReferralInput } from './schema.js';

/** Referrals and screening. */
export const referralsRouter = t.router({
  create: procedure('referral.create', { entity: 'Referral', noTransaction: true, idempotent: true })
    .input(CreateReferralInput)
    .mutation(({ ctx, input }) => createReferral(ctx, input)),
  mine: procedure('referral.mine', { entity: 'Referral' })
    .input(ListMineInput)
    .query(({ ctx, input }) => listMine(ctx, input)),
  queue: procedure('referral.queue', { entity: 'Referral' })
    .input(QueueInput)
    .query(({ ctx, input }) => listQueue(ctx, input)),
  get: procedure('referral.read', { entity: 'Referral', idFrom: 'id' })
    .input(ReferralIdInput)
    .query(({ ctx, input }) => getReferral(ctx, input.id)),
  screen: procedure('referral.screen', { entity: 'Referral', idFrom: 'id', idempotent: true })
    .input(ScreenReferralInput)
    .mutation(({ ctx, input }) => screenReferral(ctx, input)),
  // "correct a referral's facts (history kept)": own referrals | coordinator (correct.ts).
  correct: procedure('referral.correct', { entity: 'Referral', idFrom: 'id' })
    .input(CorrectReferralInput)
    .mutation(({ ctx, input }) => correctReferral(ctx, input)),
  history: procedure('referral.history', { entity: 'Referral', idFrom: 'id' })
    .input(ReferralIdInput)
    .query(({ ctx, input }) => referralHistory(ctx, input.id)),
});
