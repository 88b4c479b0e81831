import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import type { HistoryType } from '../../../../src/shared/audit-actions';

export type History = Outputs['audit']['caseHistory'];
export type HistoryEntry = History['items'][number];

/** Whose history: a record by id, or a case by its reference. */
export interface HistoryAsk {
  type: HistoryType;
  id?: string;
  reference?: string;
}

/** One keyset page of a record's access history, newest first. */
export const getHistoryPage = query((ask: HistoryAsk, cursor: string | undefined) => {
  const page = { cursor, limit: 50 };
  if (ask.type === 'Case') return trpc.audit.caseHistory.query({ id: ask.id, reference: ask.reference, ...page });
  if (ask.type === 'Person') return trpc.audit.personHistory.query({ id: ask.id ?? '', ...page });
  return trpc.audit.referralHistory.query({ id: ask.id ?? '', ...page });
}, 'accessHistory');
