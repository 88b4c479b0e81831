import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { acceptTransfer, declineTransfer } from './decide.js';
import { destinations, proposeTransfer, withdrawTransfer } from './propose.js';
import { caseTransfers, readTransfer, receivedSections, transferInbox, transferMatches } from './read.js';
import * as s from './schema.js';

const onTransfer = (action: Parameters<typeof procedure>[0], options: Parameters<typeof procedure>[1] = {}) =>
  procedure(action, { entity: 'CaseTransfer', idFrom: 'id', ...options });

/**
 * Case transfers between member cities of a hub (issue 16, "A family that moves city"): the sending city's
 * coordinator proposes and may withdraw; the receiving city's coordinators read their inbox and accept
 * (a new case opens there, the sending case closes) or decline with a reason. Every call audited, every
 * step on both cities' chains.
 */
export const transfersRouter = t.router({
  destinations: procedure('transfer.destinations', { entity: 'Municipality' }).query(({ ctx }) => destinations(ctx)),
  forCase: procedure('transfer.case', { entity: 'Case', idFrom: 'caseId' })
    .input(s.CaseTransfersInput)
    .query(({ ctx, input }) => caseTransfers(ctx, input.caseId)),
  received: procedure('transfer.copies', { entity: 'Case', idFrom: 'caseId' })
    .input(s.CaseTransfersInput)
    .query(({ ctx, input }) => receivedSections(ctx, input.caseId)),
  inbox: procedure('transfer.inbox', { entity: 'CaseTransfer' })
    .input(s.InboxInput)
    .query(({ ctx, input }) => transferInbox(ctx, input)),
  get: onTransfer('transfer.read')
    .input(s.TransferIdInput)
    .query(({ ctx, input }) => readTransfer(ctx, input.id)),
  matches: onTransfer('transfer.matches')
    .input(s.TransferIdInput)
    .query(({ ctx, input }) => transferMatches(ctx, input.id)),
  propose: procedure('transfer.propose', { entity: 'Case', idFrom: 'caseId', idempotent: true })
    .input(s.ProposeTransferInput)
    .mutation(({ ctx, input }) => proposeTransfer(ctx, input)),
  withdraw: onTransfer('transfer.withdraw')
    .input(s.TransferIdInput)
    .mutation(({ ctx, input }) => withdrawTransfer(ctx, input.id)),
  accept: onTransfer('transfer.accept', { idempotent: true })
    .input(s.AcceptTransferInput)
    .mutation(({ ctx, input }) => acceptTransfer(ctx, input)),
  decline: onTransfer('transfer.decline')
    .input(s.DeclineTransferInput)
    .mutation(({ ctx, input }) => declineTransfer(ctx, input)),
});
