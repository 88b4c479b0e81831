import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type RetentionRule = Outputs['retention']['rules'][number];
export type Preview = Outputs['retention']['preview'];
export type Certificate = Outputs['retention']['certificates'][number];
export type HoldStatus = Outputs['retention']['hold'];

/** The municipality's retention rules (admin). Audited. */
export const getRules = query(() => trpc.retention.rules.query(), 'retention.rules');
/** What will be anonymised in the next 30 days (coordinator). Audited with the records shown. */
export const getPreview = query(() => trpc.retention.preview.query(), 'retention.preview');
/** The deletion certificates (coordinator, auditor, admin). */
export const getCertificates = query(() => trpc.retention.certificates.query(), 'retention.certificates');
/** One certificate to print. Audited as printed. */
export const getCertificate = query((id: string) => trpc.retention.certificate.query({ id }), 'retention.certificate');
/** A case's legal hold and retention standing (coordinator). */
export const getHold = query((caseId: string) => trpc.retention.hold.query({ caseId }), 'retention.hold');
