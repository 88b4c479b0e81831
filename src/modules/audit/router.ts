import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { ExportAuditInput, ListAuditInput } from './schema.js';
import { exportEvents } from './export.js';
import * as audit from './service.js';

export const auditRouter = t.router({
  list: authedProcedure.meta({ action: 'audit.list' }).input(ListAuditInput).query(({ ctx, input }) => audit.listEvents(ctx, input)),
  export: authedProcedure.meta({ action: 'audit.export' }).input(ExportAuditInput).mutation(({ ctx, input }) => exportEvents(ctx, input)),
  verify: authedProcedure.meta({ action: 'audit.verify' }).mutation(({ ctx }) => audit.verify(ctx)),
});
