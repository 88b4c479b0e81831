import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { en } from '../../i18n/en';

export type Candidate = Outputs['people']['match'][number];
export type MyReferral = Outputs['referrals']['mine']['items'][number];
export type QueueItem = Outputs['referrals']['queue']['items'][number];
export type Referral = Outputs['referrals']['get'];
export type Cohort = keyof typeof en.cohorts;
export type Source = keyof typeof en.sources;
export type Urgency = keyof typeof en.urgencies;
export type ConcernCategory = keyof typeof en.concernCategories;
export type CloseReason = keyof typeof en.closeReasons;
export type LegalBasis = keyof typeof en.legalBases;
export type Sex = keyof typeof en.sexes;

/** Every value, in the dictionary's order; the dictionary's types match the server's enums exactly. */
const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T)[];
export const COHORTS = keys(en.cohorts);
export const SOURCES = keys(en.sources);
export const URGENCIES = keys(en.urgencies);
export const CONCERN_CATEGORIES = keys(en.concernCategories);
export const CLOSE_REASONS = keys(en.closeReasons);
export const SEXES = keys(en.sexes);
/** Going on without consent needs one of these; 'consent' is the other branch of the form. */
export const LEGAL_BASES_WITHOUT_CONSENT = keys(en.legalBases).filter((b): b is Exclude<LegalBasis, 'consent'> => b !== 'consent');

/** A match at or above this score is called "strong"; anything the server returns is at least "possible". */
export const STRONG_MATCH = 0.6;

/** People of the municipality whose names look like `name`; cached per (name, year) while typing. */
export const matchPeople = query((name: string, birthYear: number | undefined) => trpc.people.match.query({ name, birthYear }), 'people.match');

/** "Shared by me", newest first; `cursor` is the previous page's nextCursor. */
export const getMyReferrals = query((cursor: string | undefined, limit = 25) => trpc.referrals.mine.query({ cursor, limit }), 'referrals.mine');

/** The screening queue (coordinator). */
export const getQueue = query((cursor: string | undefined, limit = 25) => trpc.referrals.queue.query({ cursor, limit }), 'referrals.queue');

export const getReferral = query((id: string) => trpc.referrals.get.query({ id }), 'referrals.get');
