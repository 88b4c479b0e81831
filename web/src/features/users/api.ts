import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type User = Outputs['users']['list'][number];
export type Role = User['role'];

/** Every role, in the enum's order. */
export { ROLES } from '../../../../src/shared/vocabulary';

export interface UserFilters {
  search?: string;
  role?: Role;
}

/** The municipality's accounts, filtered. Each read is audited server-side (user.list). */
export const getUsers = query((filters: UserFilters) => trpc.users.list.query({ ...filters, includeDisabled: true }), 'users');

export type UserStatus = 'disabled' | 'locked' | 'mustChange' | 'active';

/** Every status that applies, most serious first. */
export function statusesOf(user: User, now = new Date()): UserStatus[] {
  const list: UserStatus[] = [];
  if (user.disabledAt) list.push('disabled');
  if (user.lockedUntil && user.lockedUntil > now) list.push('locked');
  if (user.mustChangePassword) list.push('mustChange');
  return list.length ? list : ['active'];
}

/** Second-factor resets waiting for their second person (admins and the auditor; audited server-side). */
export const getFactorResets = query(() => trpc.users.factorResets.query(), 'factorResets');
export type FactorReset = Outputs['users']['factorResets'][number];

/** An account's live sessions, for an admin (audited server-side: user.sessions.list). */
export const getUserSessions = query((userId: string) => trpc.users.sessions.query({ userId }), 'userSessions');

/** What is assigned to an account, and who may take it over (admins and coordinators; audited server-side: user.caseload). */
export const getCaseload = query((userId: string) => trpc.users.caseload.query({ userId }), 'caseload');
export type Caseload = Outputs['users']['caseload'];
export type CaseloadItem = Caseload['items'][number];

/** The accounts of the town that hold work, disabled leavers first (audited server-side: user.caseloads). */
export const getCaseloads = query(() => trpc.users.caseloads.query(), 'caseloads');
