import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { consentForm } from './form.js';
import { CaseConsentsInput, ConsentFormInput, RecordConsentInput, RenewConsentInput, WithdrawConsentInput } from './schema.js';
import { listConsents, recordConsent, renewConsent } from './service.js';
import { withdrawConsent } from './withdraw.js';

const onCase = (action: Parameters<typeof procedure>[0], options: Parameters<typeof procedure>[1] = {}) =>
  procedure(action, { entity: 'Case', idFrom: 'caseId', ...options });

/** A case's consents (DESIGN: "record / withdraw consent": key worker | coordinator). Every call audited. */
export const consentRouter = t.router({
  list: onCase('case.consent.list')
    .input(CaseConsentsInput)
    .query(({ ctx, input }) => listConsents(ctx, input.caseId)),
  record: onCase('case.consent.record', { idempotent: true })
    .input(RecordConsentInput)
    .mutation(({ ctx, input }) => recordConsent(ctx, input)),
  renew: onCase('case.consent.renew', { idempotent: true })
    .input(RenewConsentInput)
    .mutation(({ ctx, input }) => renewConsent(ctx, input)),
  withdraw: onCase('case.consent.withdraw')
    .input(WithdrawConsentInput)
    .mutation(({ ctx, input }) => withdrawConsent(ctx, input)),
  form: onCase('case.consent.print')
    .input(ConsentFormInput)
    .query(({ ctx, input }) => consentForm(ctx, input)),
});
