import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CaseIdInput, CertificateIdInput, PlaceHoldInput, SetRuleInput } from './schema.js';
import { getRules, setRule } from './rules.js';
import { holdStatus, liftHold, placeHold } from './hold.js';
import { previewRetention } from './preview.js';
import { listCertificates, printCertificate } from './certificates.js';

/**
 * Retention and erasure: the admin's rules, the coordinator's legal holds and preview, and the
 * deletion certificates the job leaves (src/jobs/retention.ts runs the anonymisation itself).
 */
export const retentionRouter = t.router({
  rules: procedure('retention.rules.read', { entity: 'Municipality' }).query(({ ctx }) => getRules(ctx)),
  setRule: procedure('retention.rules.update', { entity: 'Municipality' })
    .input(SetRuleInput)
    .mutation(({ ctx, input }) => setRule(ctx, input)),
  preview: procedure('retention.preview', { entity: 'Municipality' }).query(({ ctx }) => previewRetention(ctx)),
  hold: procedure('retention.hold.read', { entity: 'Case', idFrom: 'caseId' })
    .input(CaseIdInput)
    .query(({ ctx, input }) => holdStatus(ctx, input.caseId)),
  placeHold: procedure('retention.hold.place', { entity: 'Case', idFrom: 'caseId', idempotent: true })
    .input(PlaceHoldInput)
    .mutation(({ ctx, input }) => placeHold(ctx, input)),
  liftHold: procedure('retention.hold.lift', { entity: 'Case', idFrom: 'caseId' })
    .input(CaseIdInput)
    .mutation(({ ctx, input }) => liftHold(ctx, input.caseId)),
  certificates: procedure('retention.certificate.list', { entity: 'DeletionCertificate' }).query(({ ctx }) => listCertificates(ctx)),
  certificate: procedure('retention.certificate.print', { entity: 'DeletionCertificate', idFrom: 'id' })
    .input(CertificateIdInput)
    .query(({ ctx, input }) => printCertificate(ctx, input.id)),
});
