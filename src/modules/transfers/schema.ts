import { z } from 'zod';
import { text } from '../../lib/text.js';
import { LEGAL_BASES, TRANSFER_SECTIONS } from '../../shared/vocabulary.js';

const Id = z.uuid();
const unique = <T>(list: T[]) => new Set(list).size === list.length;

/**
 * A proposal: the case, the receiving city (one the sending city shares a hub with), the sections sent
 * besides the person's identity, and the legal basis: on consent the person's live consent covering the
 * 'transfer' purpose; on any other basis a justification (sealed under the case's key).
 */
export const ProposeTransferInput = z
  .object({
    caseId: Id,
    receivingMunicipalityId: Id,
    sections: z.array(z.enum(TRANSFER_SECTIONS)).max(TRANSFER_SECTIONS.length).refine(unique, { message: 'duplicate' }),
    legalBasis: z.enum(LEGAL_BASES),
    consentId: Id.optional(),
    justification: text().min(10).max(2000).optional(),
  })
  .refine((p) => p.legalBasis !== 'consent' || p.consentId, { message: 'required', path: ['consentId'] })
  .refine((p) => p.legalBasis === 'consent' || p.justification, { message: 'required', path: ['justification'] });
export type ProposeTransfer = z.infer<typeof ProposeTransferInput>;

export const TransferIdInput = z.object({ id: Id });
export const CaseTransfersInput = z.object({ caseId: Id });
export const InboxInput = z.object({ decided: z.boolean().default(false) }).default({ decided: false });

/** Accepting: an existing person of the receiving city (from `transfers.matches`), or none for a new record. */
export const AcceptTransferInput = z.object({ id: Id, personId: Id.nullable() });
export type AcceptTransfer = z.infer<typeof AcceptTransferInput>;

/** A decline names its reason: the sending coordinator reads it. */
export const DeclineTransferInput = z.object({ id: Id, reason: text().min(10).max(2000) });
export type DeclineTransfer = z.infer<typeof DeclineTransferInput>;
