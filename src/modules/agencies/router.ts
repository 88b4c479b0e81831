import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CreateAgencyInput, ListAgenciesInput, UpdateAgencyInput } from './schema.js';
import * as agencies from './service.js';

export const agenciesRouter = t.router({
  list: procedure('agency.list', { entity: 'Agency' })
    .input(ListAgenciesInput)
    .query(({ ctx, input }) => agencies.listAgencies(ctx, input.includeInactive)),
  create: procedure('agency.create', { entity: 'Agency', idempotent: true })
    .input(CreateAgencyInput)
    .mutation(({ ctx, input }) => agencies.createAgency(ctx, input)),
  update: procedure('agency.update', { entity: 'Agency', idFrom: 'id' })
    .input(UpdateAgencyInput)
    .mutation(({ ctx, input }) => agencies.updateAgency(ctx, input)),
});
