import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type Consents = Outputs['consent']['list'];
export type Consent = Consents['items'][number];
export type ConsentFormData = Outputs['consent']['form'];
export { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_RELATIONSHIPS } from '../../../../src/shared/vocabulary';

/** A case's consents, newest first, and the agencies a consent may name. Audited (case.consent.list). */
export const getConsents = query((caseId: string) => trpc.consent.list.query({ caseId }), 'consent.list');

/** What the printable form shows. Each load is a print, audited (case.consent.print). */
export const getConsentForm = query((caseId: string, consentId: string) => trpc.consent.form.query({ caseId, consentId }), 'consent.form');
