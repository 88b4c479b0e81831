import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type Agency = Outputs['agencies']['list'][number];
export type AgencyKind = Agency['kind'];

export const AGENCY_KINDS: readonly AgencyKind[] = [
  'school',
  'health',
  'youth',
  'ngo',
  'employment',
  'religious_community',
  'police_liaison',
  'social_services',
  'other',
];

/** Every agency of the municipality, active or not, by name. */
export const getAgencies = query(() => trpc.agencies.list.query({ includeInactive: true }), 'agencies');
