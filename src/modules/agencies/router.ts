import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { CreateAgencyInput, ListAgenciesInput, UpdateAgencyInput } from './schema.js';
import * as agencies from './service.js';

export const agenciesRouter = t.router({
  list: authedProcedure.input(ListAgenciesInput).query(({ ctx, input }) => agencies.listAgencies(ctx, input.includeInactive)),
  create: authedProcedure.input(CreateAgencyInput).mutation(({ ctx, input }) => agencies.createAgency(ctx, input)),
  update: authedProcedure.input(UpdateAgencyInput).mutation(({ ctx, input }) => agencies.updateAgency(ctx, input)),
});
