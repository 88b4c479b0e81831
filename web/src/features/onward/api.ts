import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type CaseOnward = Outputs['onward']['forCase'];
export type SentOnward = CaseOnward['items'][number];
export type Inbox = Outputs['onward']['inbox'];
export type Received = Inbox['items'][number];
export { CASE_SECTIONS, INTERVENTION_TYPES, LEGAL_BASES_WITHOUT_CONSENT, ONWARD_OUTCOMES } from '../../../../src/shared/vocabulary';

/** A case's onward referrals, each step, and what a new one may name. Audited (onward.case). */
export const getCaseOnward = query((caseId: string) => trpc.onward.forCase.query({ caseId }), 'onward.case');

/** The onward referrals a screened referral was signposted with. Audited (onward.referral). */
export const getReferralOnward = query((referralId: string) => trpc.onward.forReferral.query({ referralId }), 'onward.referral');

/** The practitioner's referrals to answer (or, `answered`, those answered). Audited (onward.inbox). */
export const getInbox = query((answered: boolean) => trpc.onward.inbox.query({ answered }), 'onward.inbox');
