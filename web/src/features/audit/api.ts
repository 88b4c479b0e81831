import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type AuditEvent = Outputs['audit']['list']['items'][number];
export type VerifyResult = Outputs['audit']['verify'];

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  outcome?: 'allowed' | 'denied';
  from?: Date;
  to?: Date;
}

export const PAGE_SIZE = 50;

export const ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.changePassword',
  'auth.sessions.end',
  'auth.setLocale',
  'agency.create',
  'agency.update',
  'agency.deactivate',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.resetPassword',
  'user.list',
  'audit.list',
  'audit.verify',
] as const;

export const ENTITY_TYPES = ['User', 'Agency', 'Session', 'AuditEvent'] as const;

/** One keyset page of the log, newest first; `cursor` is the last id of the page before. */
export const getAuditPage = query(
  (filters: AuditFilters, cursor: string | undefined) => trpc.audit.list.query({ ...filters, cursor, limit: PAGE_SIZE }),
  'audit',
);

/** A day picked in a date field, as the local midnight that starts it. */
export function startOfDay(value: string): Date | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

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
    to: to && new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1),
  };
}
