import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { createReferral } from './create.js';
import { listQueue } from './queue.js';
import { screenReferral } from './screening.js';
import { getReferral, listMine } from './service.js';
import { CreateReferralInput, ListMineInput, QueueInput, ReferralIdInput, ScreenReferralInput } from './schema.js';

/** Referrals and screening. */
export const referralsRouter = t.router({
  create: authedProcedure.meta({ action: 'referral.create', singleStatement: true }).input(CreateReferralInput).mutation(({ ctx, input }) => createReferral(ctx, input)),
  mine: authedProcedure.meta({ action: 'referral.mine' }).input(ListMineInput).query(({ ctx, input }) => listMine(ctx, input)),
  queue: authedProcedure.meta({ action: 'referral.queue' }).input(QueueInput).query(({ ctx, input }) => listQueue(ctx, input)),
  get: authedProcedure.meta({ action: 'referral.read' }).input(ReferralIdInput).query(({ ctx, input }) => getReferral(ctx, input.id)),
  screen: authedProcedure.meta({ action: 'referral.screen' }).input(ScreenReferralInput).mutation(({ ctx, input }) => screenReferral(ctx, input)),
});
