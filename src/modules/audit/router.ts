import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { ExportAuditInput, ListAuditInput, ListFlagsInput } from './schema.js';
import { listFlags } from './flags.js';
import { exportEvents } from './export.js';
import * as audit from './service.js';
import { anchorStatus } from './anchors.js';

export const auditRouter = t.router({
  list: procedure('audit.list', { entity: 'AuditEvent' }).input(ListAuditInput).query(({ ctx, input }) => audit.listEvents(ctx, input)),
  export: procedure('audit.export', { entity: 'AuditEvent' }).input(ExportAuditInput).mutation(({ ctx, input }) => exportEvents(ctx, input)),
  verify: procedure('audit.verify', { entity: 'AuditEvent' }).mutation(({ ctx }) => audit.verify(ctx)),
  anchors: procedure('audit.anchors', { entity: 'AuditEvent' }).query(({ ctx }) => anchorStatus(ctx)),
  flags: procedure('audit.flags', { entity: 'AuditFlag' }).input(ListFlagsInput).query(({ ctx, input }) => listFlags(ctx, input)),
});
