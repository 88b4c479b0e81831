import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import { CASELOAD_KINDS, type CaseloadKind } from '../../shared/handover.js';
import { OPEN_CASE, WORKED_CASE } from './caseload.js';

type Counts = Record<CaseloadKind, number>;
const zero = (): Counts => ({ case: 0, intervention: 0, task: 0, invitation: 0, disclosure: 0 });

/**
 * The accounts of the town that hold work (users.caseload counts the same things), active or
 * disabled, with how much of each kind: where a coordinator finds what a leaver left to pick up.
 * Names and counts only.
 */
export async function caseloads(ctx: ServiceContext) {
  assertCan(ctx.ability, 'oversee', 'User');
  const { municipalityId } = ctx.user;
  const count = { _count: { _all: true } } as const;
  const [cases, interventions, tasks, invitations, disclosures] = await Promise.all([
    ctx.db.case.groupBy({ by: ['keyWorkerId'], where: { municipalityId, keyWorkerId: { not: null }, ...WORKED_CASE }, ...count }),
    ctx.db.intervention.groupBy({
      by: ['assigneeId'],
      where: { municipalityId, assigneeId: { not: null }, status: { in: ['planned', 'active'] }, case: { is: OPEN_CASE } },
      ...count,
    }),
    ctx.db.caseTask.groupBy({
      by: ['assigneeId'],
      where: { municipalityId, assigneeId: { not: null }, doneAt: null, case: { is: OPEN_CASE } },
      ...count,
    }),
    ctx.db.meetingInvitee.groupBy({
      by: ['userId'],
      where: { municipalityId, userId: { not: null }, meeting: { is: { status: 'scheduled' } } },
      ...count,
    }),
    ctx.db.disclosure.groupBy({
      by: ['userId'],
      where: { municipalityId, userId: { not: null }, revokedAt: null, expiresAt: { gt: ctx.clock() }, case: { is: OPEN_CASE } },
      ...count,
    }),
  ]);
  const byUser = new Map<string, Counts>();
  const add = (kind: CaseloadKind, id: string | null, n: number) => {
    if (!id) return;
    const counts = byUser.get(id) ?? zero();
    counts[kind] += n;
    byUser.set(id, counts);
  };
  for (const r of cases) add('case', r.keyWorkerId, r._count._all);
  for (const r of interventions) add('intervention', r.assigneeId, r._count._all);
  for (const r of tasks) add('task', r.assigneeId, r._count._all);
  for (const r of invitations) add('invitation', r.userId, r._count._all);
  for (const r of disclosures) add('disclosure', r.userId, r._count._all);
  const users = await ctx.db.user.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'oversee').ofType('User'), { municipalityId, id: { in: [...byUser.keys()] } }] },
    select: { id: true, displayName: true, role: true, disabledAt: true },
    orderBy: [{ disabledAt: { sort: 'desc', nulls: 'last' } }, { displayName: 'asc' }],
  });
  ctx.audit.detail({ count: users.length });
  return users.map((u) => ({ ...u, counts: byUser.get(u.id)!, total: CASELOAD_KINDS.reduce((n, k) => n + byUser.get(u.id)![k], 0) }));
}
