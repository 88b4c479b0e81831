import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type Agency = Outputs['agencies']['list'][number];
export type AgencyKind = Agency['kind'];

/** Every kind, in the enum's order. */
export { AGENCY_KINDS } from '../../../../src/shared/vocabulary';

/** Every agency of the municipality, active or not, by name. */
export const getAgencies = query(() => trpc.agencies.list.query({ includeInactive: true }), 'agencies');
