import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type Candidate = Outputs['people']['match'][number];
export type MyReferral = Outputs['referrals']['mine']['items'][number];
export type QueueItem = Outputs['referrals']['queue']['items'][number];
export type Referral = Outputs['referrals']['get'];
export type {
  Cohort,
  ConcernCategory,
  LegalBasis,
  ReferralCloseReason as CloseReason,
  ReferralSource as Source,
  Sex,
  Urgency,
} from '../../../../src/shared/vocabulary';

/** Every value, in the enum's order; going on without consent needs one of LEGAL_BASES_WITHOUT_CONSENT. */
export {
  COHORTS,
  CONCERN_CATEGORIES,
  LEGAL_BASES_WITHOUT_CONSENT,
  REFERRAL_CLOSE_REASONS as CLOSE_REASONS,
  REFERRAL_SOURCES as SOURCES,
  SEXES,
  URGENCIES,
} from '../../../../src/shared/vocabulary';

/** A match at or above this score is called "strong"; anything the server returns is at least "possible". */
export const STRONG_MATCH = 0.6;

/** People of the municipality whose names look like `name`; cached per (name, year) while typing. */
export const matchPeople = query(
  (name: string, birthYear: number | undefined) => trpc.people.match.query({ name, birthYear }),
  'people.match',
);

/** "Shared by me", newest first; `cursor` is the previous page's nextCursor. */
export const getMyReferrals = query(
  (cursor: string | undefined, limit = 25) => trpc.referrals.mine.query({ cursor, limit }),
  'referrals.mine',
);

/** The screening queue (coordinator). */
export const getQueue = query((cursor: string | undefined, limit = 25) => trpc.referrals.queue.query({ cursor, limit }), 'referrals.queue');

export const getReferral = query((id: string) => trpc.referrals.get.query({ id }), 'referrals.get');
