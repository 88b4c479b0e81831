import { query } from '@solidjs/router';
import { AUDIT_ACTIONS, type HistoryType } from '../../../../src/shared/audit-actions';
import { trpc, type Outputs } from '../../lib/trpc';
import { addDays, startOfDay } from '../../lib/dates';

export type AuditEvent = Outputs['audit']['list']['items'][number];
export type VerifyResult = Outputs['audit']['verify'];
export type AuditFlag = Outputs['audit']['flags']['items'][number];
export type FlagWithEvents = Outputs['audit']['flag'];

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
  /** Only the events that touched this record (its access history). */
  record?: { type: HistoryType; id: string };
}

export const PAGE_SIZE = 50;

/** Every action the server records: the filter offers them all, each translated. */
export const ACTIONS = AUDIT_ACTIONS;

export const ENTITY_TYPES = [
  'User',
  'Agency',
  'Session',
  'AuditEvent',
  'AuditFlag',
  'Person',
  'Household',
  'Referral',
  'Case',
  'Disclosure',
] as const;

/** One keyset page of the log, newest first; `cursor` is the last id of the page before. */
export const getAuditPage = query(
  (filters: AuditFilters, cursor: string | undefined) => trpc.audit.list.query({ ...filters, cursor, limit: PAGE_SIZE }),
  'audit',
);

/** One keyset page of the auditor's flags, newest first. */
export const getFlagsPage = query((cursor: string | undefined) => trpc.audit.flags.query({ cursor, limit: 20 }), 'auditFlags');

/** One flag with the events that raised it and its review (auditor). Audited (audit.flag.read). */
export const getFlag = query((id: string) => trpc.audit.flag.query({ id }), 'auditFlag');

/** The filters a submitted form describes; "to" includes its whole day. */
export function filtersFrom(data: FormData): AuditFilters {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const outcome = text('outcome');
  const to = startOfDay(text('to') ?? '');
  return {
    actorId: text('actorId'),
    action: text('action'),
    entityType: text('entityType'),
    outcome: outcome === 'allowed' || outcome === 'denied' ? outcome : undefined,
    from: startOfDay(text('from') ?? ''),
    to: to && addDays(to, 1),
  };
}
