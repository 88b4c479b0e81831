import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CreatePurposeInput, ListPurposesInput, UpdatePurposeInput } from './schema.js';
import * as purposes from './service.js';

/** The municipality's list of disclosure purposes: admins keep it, coordinators choose from it. */
export const purposesRouter = t.router({
  list: procedure('purpose.list', { entity: 'DisclosurePurpose' })
    .input(ListPurposesInput)
    .query(({ ctx, input }) => purposes.listPurposes(ctx, input.includeRetired)),
  create: procedure('purpose.create', { entity: 'DisclosurePurpose', idempotent: true })
    .input(CreatePurposeInput)
    .mutation(({ ctx, input }) => purposes.createPurpose(ctx, input)),
  update: procedure('purpose.update', { entity: 'DisclosurePurpose', idFrom: 'id' })
    .input(UpdatePurposeInput)
    .mutation(({ ctx, input }) => purposes.updatePurpose(ctx, input)),
});
