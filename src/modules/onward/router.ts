import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { acceptOnward, declineOnward, recordOnwardOutcome } from './answer.js';
import { caseOnward, onwardInbox, referralOnward } from './read.js';
import * as s from './schema.js';
import { resendOnward, sendOnward } from './send.js';

const onOnward = (action: Parameters<typeof procedure>[0], options: Parameters<typeof procedure>[1] = {}) =>
  procedure(action, { entity: 'OnwardReferral', idFrom: 'id', ...options });

/**
 * Onward referrals (issue 16): the key worker or coordinator refers a case on to an agency of the
 * directory and follows it on the case page; the receiving agency's practitioners answer from their
 * inbox. Every call audited.
 */
export const onwardRouter = t.router({
  forCase: procedure('onward.case', { entity: 'Case', idFrom: 'caseId' })
    .input(s.CaseOnwardInput)
    .query(({ ctx, input }) => caseOnward(ctx, input.caseId)),
  forReferral: procedure('onward.referral', { entity: 'Referral', idFrom: 'referralId' })
    .input(s.ReferralOnwardInput)
    .query(({ ctx, input }) => referralOnward(ctx, input.referralId)),
  inbox: procedure('onward.inbox', { entity: 'OnwardReferral' })
    .input(s.InboxInput)
    .query(({ ctx, input }) => onwardInbox(ctx, input)),
  send: procedure('onward.send', { entity: 'Case', idFrom: 'caseId', idempotent: true })
    .input(s.SendOnwardInput)
    .mutation(({ ctx, input }) => sendOnward(ctx, input)),
  resend: onOnward('onward.resend', { idempotent: true })
    .input(s.ResendOnwardInput)
    .mutation(({ ctx, input }) => resendOnward(ctx, input)),
  accept: onOnward('onward.accept')
    .input(s.OnwardIdInput)
    .mutation(({ ctx, input }) => acceptOnward(ctx, input.id)),
  decline: onOnward('onward.decline')
    .input(s.DeclineOnwardInput)
    .mutation(({ ctx, input }) => declineOnward(ctx, input)),
  recordOutcome: onOnward('onward.outcome')
    .input(s.OnwardOutcomeInput)
    .mutation(({ ctx, input }) => recordOnwardOutcome(ctx, input)),
});
