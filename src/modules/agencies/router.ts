import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { CreateAgencyInput, ListAgenciesInput, UpdateAgencyInput } from './schema.js';
import * as agencies from './service.js';

export const agenciesRouter = t.router({
  list: authedProcedure.meta({ action: 'agency.list' }).input(ListAgenciesInput).query(({ ctx, input }) => agencies.listAgencies(ctx, input.includeInactive)),
  create: authedProcedure.meta({ action: 'agency.create' }).input(CreateAgencyInput).mutation(({ ctx, input }) => agencies.createAgency(ctx, input)),
  update: authedProcedure.meta({ action: 'agency.update' }).input(UpdateAgencyInput).mutation(({ ctx, input }) => agencies.updateAgency(ctx, input)),
});
