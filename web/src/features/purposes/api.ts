import { query } from '@solidjs/router';
import { locale } from '../../i18n';
import { trpc, type Outputs } from '../../lib/trpc';

export type Purpose = Outputs['purposes']['list'][number];

/** The purposes a disclosure may be made for now (retired ones are not offered). */
export const getActivePurposes = query(() => trpc.purposes.list.query({ includeRetired: false }), 'purposes.active');

/** The admin's list: every purpose, retired ones too. */
export const getAllPurposes = query(() => trpc.purposes.list.query({ includeRetired: true }), 'purposes');

/** A listed purpose's label in the reader's language. */
export function purposeLabel(p: Pick<Purpose, 'labelAr' | 'labelFr' | 'labelEn'>) {
  const l = locale();
  return l === 'ar' ? p.labelAr : l === 'fr' ? p.labelFr : p.labelEn;
}

/** The record of processing (audited on the server each time it is read). */
export const getProcessingRecord = query(() => trpc.processingRecord.get.query({}), 'processingRecord');
