import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import {
  CaseHistoryInput,
  ExportAuditInput,
  FlagIdInput,
  ListAuditInput,
  ListFlagsInput,
  RecordHistoryInput,
  ReviewFlagInput,
} from './schema.js';
import { accessHistory } from './history.js';
import { listFlags } from './flags.js';
import { getFlag, reviewFlag } from './flag-review.js';
import { exportEvents } from './export.js';
import * as audit from './service.js';
import { anchorStatus } from './anchors.js';

export const auditRouter = t.router({
  list: procedure('audit.list', { entity: 'AuditEvent' })
    .input(ListAuditInput)
    .query(({ ctx, input }) => audit.listEvents(ctx, input)),
  export: procedure('audit.export', { entity: 'AuditEvent' })
    .input(ExportAuditInput)
    .mutation(({ ctx, input }) => exportEvents(ctx, input)),
  verify: procedure('audit.verify', { entity: 'AuditEvent' }).mutation(({ ctx }) => audit.verify(ctx)),
  anchors: procedure('audit.anchors', { entity: 'AuditEvent' }).query(({ ctx }) => anchorStatus(ctx)),
  flags: procedure('audit.flags', { entity: 'AuditFlag' })
    .input(ListFlagsInput)
    .query(({ ctx, input }) => listFlags(ctx, input)),
  flag: procedure('audit.flag.read', { entity: 'AuditFlag', idFrom: 'id' })
    .input(FlagIdInput)
    .query(({ ctx, input }) => getFlag(ctx, input)),
  reviewFlag: procedure('audit.flag.review', { entity: 'AuditFlag', idFrom: 'id' })
    .input(ReviewFlagInput)
    .mutation(({ ctx, input }) => reviewFlag(ctx, input)),
  // "Who has seen this": for auditors and coordinators (see history.ts).
  caseHistory: procedure('audit.history.case', { entity: 'Case', idFrom: 'id' })
    .input(CaseHistoryInput)
    .query(({ ctx, input }) => accessHistory(ctx, 'Case', input)),
  personHistory: procedure('audit.history.person', { entity: 'Person', idFrom: 'id' })
    .input(RecordHistoryInput)
    .query(({ ctx, input }) => accessHistory(ctx, 'Person', input)),
  referralHistory: procedure('audit.history.referral', { entity: 'Referral', idFrom: 'id' })
    .input(RecordHistoryInput)
    .query(({ ctx, input }) => accessHistory(ctx, 'Referral', input)),
});
