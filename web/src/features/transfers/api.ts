import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { tKey } from '../../i18n';
import { fieldMessage } from '../../lib/errors';

export type CaseTransfer = Outputs['transfers']['forCase'][number];
export type Proposal = Outputs['transfers']['get'];
export type Received = Outputs['transfers']['received'][number];
export { LEGAL_BASES, TRANSFER_SECTIONS } from '../../../../src/shared/vocabulary';

/** The cities a case may go to (the other members of the city's hubs). Audited (transfer.destinations). */
export const getDestinations = query(() => trpc.transfers.destinations.query(), 'transfer.destinations');
/** A case's transfers, as the sending city follows them. Audited (transfer.case). */
export const getCaseTransfers = query((caseId: string) => trpc.transfers.forCase.query({ caseId }), 'transfer.case');
/** The sections a case received by transfer. Audited (transfer.copies). */
export const getReceived = query((caseId: string) => trpc.transfers.received.query({ caseId }), 'transfer.copies');
/** Proposals to the coordinator's city: open ones, or (`decided`) the answered ones. Audited (transfer.inbox). */
export const getTransferInbox = query((decided: boolean) => trpc.transfers.inbox.query({ decided }), 'transfer.inbox');
/** One proposal to the coordinator's city. Audited (transfer.read). */
export const getProposal = query((id: string) => trpc.transfers.get.query({ id }), 'transfer.read');
/** The coordinator's own people who may be the person of a proposal. Audited (transfer.matches). */
export const getMatches = query((id: string) => trpc.transfers.matches.query({ id }), 'transfer.matches');

/** The words for a problem of a transfer form: its own first (lib/errors' otherwise). */
export const transferMessage = (key: string) => tKey('transfers.problems', key, fieldMessage(key));
