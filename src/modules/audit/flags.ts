import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { keysetPage } from '../../lib/cursor.js';
import { CASE_WORKER_ROLES, hasRole } from '../../shared/roles.js';
import type { Role } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import type { ListFlagsInput } from './schema.js';

/** What an admin did to an account, as a flag's detail says it. */
export type AccountChange = 'created' | 'role_changed' | 'password_reset';

/** A privileged_account_change flag's detail: safe facts only. */
export interface AccountChangeDetail {
  change: AccountChange;
  role: Role;
  previousRole?: Role;
}

/** A flag's detail, by kind: an account change's, or a rule's figures (rules/sql.ts). Never free text. */
export type FlagDetail = Partial<AccountChangeDetail> & {
  /** off_hours_read: the local day and the zone it is counted in. */
  day?: string;
  timeZone?: string;
  /** bulk_read, repeated_denials: the window's start and length, its count and the limit it passed. */
  from?: string;
  minutes?: number;
  count?: number;
  limit?: number;
  /** read_outside_assignment: the case read. */
  caseId?: string;
  /** checkpoint_stopped: the time of the first event no checkpoint covers. */
  since?: string;
};

/**
 * Flags for the auditor an admin's creation of, reset of, or role change to an account that can read
 * case content: the admin saw (or could set) a password that opens cases under someone else's name.
 * Written through `ctx.db`, so inside the procedure's transaction: the change and its flag commit
 * together or not at all. Admins' and auditors' accounts read no case content and are not flagged.
 */
export async function flagAccountChange(
  ctx: ServiceContext,
  account: { id: string; role: Role },
  change: AccountChange,
  previousRole?: Role,
) {
  if (!hasRole(CASE_WORKER_ROLES, account.role)) return;
  const detail: AccountChangeDetail = { change, role: account.role, ...(previousRole ? { previousRole } : {}) };
  await ctx.db.auditFlag.create({
    data: {
      municipalityId: ctx.user.municipalityId,
      kind: 'privileged_account_change',
      subjectUserId: account.id,
      actorId: ctx.user.id,
      detail: { ...detail },
      createdAt: ctx.clock(),
    },
    select: { id: true },
  });
}

export const flagSelect = {
  id: true,
  kind: true,
  status: true,
  createdAt: true,
  detail: true,
  subjectUser: { select: { id: true, displayName: true, role: true } },
  actor: { select: { id: true, displayName: true } },
  reviewedAt: true,
  reviewedBy: { select: { id: true, displayName: true } },
  _count: { select: { events: true } },
} satisfies Prisma.AuditFlagSelect;

/** The auditor's flags for their municipality, newest first, one keyset page at a time. */
export async function listFlags(ctx: ServiceContext, input: z.infer<typeof ListFlagsInput>) {
  assertCan(ctx.ability, 'read', 'AuditFlag');
  const after = input.cursor
    ? { OR: [{ createdAt: { lt: input.cursor.at } }, { createdAt: input.cursor.at, id: { lt: input.cursor.id } }] }
    : {};
  const rows = await ctx.db.auditFlag.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('AuditFlag'), after] },
    select: flagSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = keysetPage(rows, input.limit, (f) => ({ at: f.createdAt, id: f.id }));
  ctx.audit.detail({ count: page.items.length, page: input.cursor ? 'next' : 'first' });
  return { ...page, items: page.items.map(flagOut) };
}

/** A flag as the page gets it: its detail typed, and how many events raised it. */
export function flagOut<F extends { detail: Prisma.JsonValue; _count: { events: number } }>({ _count, ...f }: F) {
  return { ...f, detail: (f.detail ?? {}) as FlagDetail, events: _count.events };
}
