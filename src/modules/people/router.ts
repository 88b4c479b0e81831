import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import {
  CreatePersonInput,
  DistinctPairInput,
  LinkHouseholdInput,
  MatchPeopleInput,
  MergePeopleInput,
  PersonIdInput,
  UnmergeInput,
} from './schema.js';
import { markDistinct, unmarkDistinct } from './distinct.js';
import { mergePeople, mergesOf, unmergePeople } from './merge.js';
import { linkHousehold } from './household.js';
import { CorrectPersonInput, correctPerson } from './correct.js';
import { personHistory } from '../history/read.js';
import * as people from './service.js';

export const peopleRouter = t.router({
  match: procedure('person.match', { entity: 'Person' })
    .input(MatchPeopleInput)
    .query(({ ctx, input }) => people.matchPeople(ctx, input)),
  create: procedure('person.create', { entity: 'Person', idempotent: true })
    .input(CreatePersonInput)
    .mutation(({ ctx, input }) => people.createPerson(ctx, input)),
  get: procedure('person.read', { entity: 'Person', idFrom: 'id' })
    .input(PersonIdInput)
    .query(({ ctx, input }) => people.getPerson(ctx, input.id)),
  linkHousehold: procedure('person.household.link', { entity: 'Person', idFrom: 'personId' })
    .input(LinkHouseholdInput)
    .mutation(({ ctx, input }) => linkHousehold(ctx, input)),
  // "correct a person's details (history kept)": own referrals | coordinator (correct.ts).
  correct: procedure('person.correct', { entity: 'Person', idFrom: 'id' })
    .input(CorrectPersonInput)
    .mutation(({ ctx, input }) => correctPerson(ctx, input)),
  history: procedure('person.history', { entity: 'Person', idFrom: 'id' })
    .input(PersonIdInput)
    .query(({ ctx, input }) => personHistory(ctx, input.id)),
  // "merge / unmerge two records of a person": coordinators (merge.ts, distinct.ts).
  merges: procedure('person.merges', { entity: 'Person', idFrom: 'id' })
    .input(PersonIdInput)
    .query(({ ctx, input }) => mergesOf(ctx, input)),
  merge: procedure('person.merge', { entity: 'Person', idFrom: 'survivorId', idempotent: true })
    .input(MergePeopleInput)
    .mutation(({ ctx, input }) => mergePeople(ctx, input)),
  unmerge: procedure('person.unmerge', { entity: 'Person', idFrom: 'personId' })
    .input(UnmergeInput)
    .mutation(({ ctx, input }) => unmergePeople(ctx, input)),
  markDistinct: procedure('person.distinct.mark', { entity: 'Person', idFrom: 'personId', idempotent: true })
    .input(DistinctPairInput)
    .mutation(({ ctx, input }) => markDistinct(ctx, input)),
  unmarkDistinct: procedure('person.distinct.unmark', { entity: 'Person', idFrom: 'personId' })
    .input(DistinctPairInput)
    .mutation(({ ctx, input }) => unmarkDistinct(ctx, input)),
});
