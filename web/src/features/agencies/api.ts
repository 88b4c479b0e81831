import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { en } from '../../i18n/en';

export type Agency = Outputs['agencies']['list'][number];
export type AgencyKind = Agency['kind'];

/** Every kind, in the dictionary's order; the dictionary's type matches the server's enum exactly. */
export const AGENCY_KINDS = Object.keys(en.agencyKinds) as AgencyKind[];

/** Every agency of the municipality, active or not, by name. */
export const getAgencies = query(() => trpc.agencies.list.query({ includeInactive: true }), 'agencies');
