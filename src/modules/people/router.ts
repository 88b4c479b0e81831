import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CreatePersonInput, LinkHouseholdInput, MatchPeopleInput, PersonIdInput } from './schema.js';
import { linkHousehold } from './household.js';
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
});
