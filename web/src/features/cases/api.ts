import { query } from '@solidjs/router';
import { trpc, type Inputs, type Outputs } from '../../lib/trpc';
import { appCodeOf } from '../../lib/errors';

export type CaseFilters = Omit<Extract<Inputs['cases']['list'], object>, 'cursor' | 'limit'>;
export type CaseRow = Outputs['cases']['list']['items'][number];
export type Case = Outputs['cases']['get'];
export type Disclosure = NonNullable<Case['team']>[number];
export type TimelineEntry = Case['timeline'][number];
export type Colleague = Outputs['users']['directory'][number];
export type Household = Outputs['people']['get']['household'];
export type Intervention = NonNullable<Case['plan']>[number];
export type PlanChoices = NonNullable<Case['planAdd']>;
export type {
  CaseSection as Section,
  CaseStage as Stage,
  InterventionStatus,
  InterventionType,
  Relationship,
} from '../../../../src/shared/vocabulary';

/** In the enums' order: the stages' is the workflow's. */
export {
  CASE_SECTIONS as SECTIONS,
  CASE_STAGES as STAGES,
  INTERVENTION_STATUSES,
  INTERVENTION_TYPES,
  LEGAL_BASES,
  NOTE_SENSITIVITIES as SENSITIVITIES,
  RELATIONSHIPS,
} from '../../../../src/shared/vocabulary';

/** The workflow's rules, the very ones the server applies (the shared vocabulary). */
export { NEXT_STAGES, isOpen } from '../../../../src/shared/stages';

export const PAGE_SIZE = 50;

/** One keyset page of the cases the user may see, newest opened first. Audited (case.list). */
export const getCases = query(
  (filters: CaseFilters, cursor: string | undefined, limit = PAGE_SIZE) => trpc.cases.list.query({ ...filters, cursor, limit }),
  'cases.list',
);

/** One case with the sections the user may see. Audited (case.read). */
export const getCase = query((id: string) => trpc.cases.get.query({ id }), 'cases.get');

/** What a form that changes a case reads again: the case page and the case list (lib/form.ts' `refresh`). */
export const CASE_QUERIES = [getCase.key, getCases.key];

/** Active colleagues with these roles (coordinator only), for the key-worker and disclosure pickers. */
export const getDirectory = query(
  (roles: readonly Colleague['role'][]) => trpc.users.directory.query({ roles: [...roles] }),
  'users.directory',
);

/** Active agencies, by name (coordinator). */
export const getActiveAgencies = query(() => trpc.agencies.list.query({ includeInactive: false }), 'agencies.active');

/**
 * A person with the household members the user may read (audited: person.read); null when the user
 * may not read the person, and then the case page simply has no household section.
 */
export const getPerson = query(async (id: string) => {
  try {
    return await trpc.people.get.query({ id });
  } catch (err) {
    if (appCodeOf(err) === 'NOT_FOUND' || appCodeOf(err) === 'FORBIDDEN') return null;
    throw err;
  }
}, 'people.get');
