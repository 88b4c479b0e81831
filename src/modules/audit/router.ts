import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { ListAuditInput } from './schema.js';
import * as audit from './service.js';

export const auditRouter = t.router({
  list: authedProcedure.meta({ action: 'audit.list' }).input(ListAuditInput).query(({ ctx, input }) => audit.listEvents(ctx, input)),
  verify: authedProcedure.meta({ action: 'audit.verify' }).mutation(({ ctx }) => audit.verify(ctx)),
});
