import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { CreatePersonInput, LinkHouseholdInput, MatchPeopleInput, PersonIdInput } from './schema.js';
import { linkHousehold } from './household.js';
import * as people from './service.js';

export const peopleRouter = t.router({
  match: authedProcedure.meta({ action: 'person.match' }).input(MatchPeopleInput).query(({ ctx, input }) => people.matchPeople(ctx, input)),
  create: authedProcedure.meta({ action: 'person.create' }).input(CreatePersonInput).mutation(({ ctx, input }) => people.createPerson(ctx, input)),
  get: authedProcedure.meta({ action: 'person.read' }).input(PersonIdInput).query(({ ctx, input }) => people.getPerson(ctx, input.id)),
  linkHousehold: authedProcedure
    .meta({ action: 'person.household.link' })
    .input(LinkHouseholdInput)
    .mutation(({ ctx, input }) => linkHousehold(ctx, input)),
});
