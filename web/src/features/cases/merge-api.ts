import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type Merges = Outputs['people']['merges'];
export type MergeCandidate = Outputs['people']['match'][number];

/** Merges into a person and the records marked "not the same person" as them (coordinator; audited). */
export const getMerges = query((id: string) => trpc.people.merges.query({ id }), 'people.merges');

/** Records like `name` for this person's page: never the person, a merged record, or one marked apart. */
export const matchFor = query((name: string, forPersonId: string) => trpc.people.match.query({ name, forPersonId }), 'people.match.for');

/** What a merge or a mark changes: the person, its merges, and the candidates. */
export const MERGE_KEYS = ['people.get', 'people.merges', 'people.match.for', 'cases.get'];
