import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { CASELOAD_KINDS, mayReceive, type CaseloadKind } from '../../shared/handover.js';
import { recordEvent } from '../cases/access.js';
import { caseloadOf, countByKind, findOverseen, type CaseloadItem } from './caseload.js';
import { moveItems } from './handover-moves.js';
import { checkKeyWorker } from '../cases/purpose-bans.js';

/** Everything (no `items`) or the items chosen, to one account. */
export const HandoverInput = z.object({
  userId: z.uuid(),
  toUserId: z.uuid(),
  items: z
    .array(z.object({ kind: z.enum(CASELOAD_KINDS), id: z.uuid() }))
    .min(1)
    .max(1000)
    .optional(),
});

const refuse = (key: string, data?: Record<string, string>) => new AppError('HANDOVER_REFUSED', { fields: { toUserId: key }, data });

/** The receiver: an active account of the same municipality, not the one handing over. */
async function findReceiver(ctx: ServiceContext, from: { id: string; municipalityId: string }, toUserId: string) {
  const to = await ctx.db.user.findFirst({
    where: { id: toUserId, municipalityId: from.municipalityId },
    select: { id: true, role: true, agencyId: true, disabledAt: true },
  });
  // Another town's account, or none: the same answer, so nothing is learnt about other towns.
  if (!to) throw new AppError('NOT_FOUND', { entity: { type: 'User', id: toUserId }, fields: { toUserId: 'NOT_FOUND' } });
  if (to.id === from.id) throw refuse('HANDOVER_SAME_USER');
  if (to.disabledAt) throw refuse('HANDOVER_RECEIVER_DISABLED');
  return to;
}

/** The items asked for, each of which must be assigned to the account now; a crafted id is NOT_FOUND at its place. */
function chosen(all: CaseloadItem[], asked: z.infer<typeof HandoverInput>['items']) {
  if (!asked) return all;
  const byKey = new Map(all.map((i) => [`${i.kind}:${i.id}`, i]));
  return asked.map((a, n) => {
    const item = byKey.get(`${a.kind}:${a.id}`);
    if (!item) throw new AppError('NOT_FOUND', { entity: { type: 'User', id: a.id }, fields: { [`items.${n}`]: 'NOT_FOUND' } });
    return item;
  });
}

/**
 * Admin or coordinator: moves all of an account's caseload (or the items chosen) to one eligible
 * colleague, in one transaction: key worker of its cases, assignee of its interventions and tasks,
 * its invitations to scheduled meetings and its disclosures by name. Refused whole, with nothing
 * moved, when the receiver may not take one of them (wrong role, another agency's intervention).
 * One audit event names both accounts and every item; each case gets a timeline entry.
 */
export async function handover(ctx: ServiceContext, input: z.infer<typeof HandoverInput>) {
  const from = await findOverseen(ctx, input.userId);
  const to = await findReceiver(ctx, from, input.toUserId);
  const items = chosen(await caseloadOf(ctx.db, from.id, from.municipalityId, ctx.clock()), input.items);
  const refused = [...new Set(items.filter((i) => !mayReceive(i.kind, to, i)).map((i) => i.kind))];
  if (refused.length) throw refuse('HANDOVER_INELIGIBLE', { kinds: refused.join(',') });
  // A key worker reads restricted notes: never someone of a police liaison (cases/purpose-bans.ts).
  const firstCase = items.find((i) => i.kind === 'case');
  if (firstCase) await checkKeyWorker(ctx, firstCase.id, to.id);
  const moved = await moveItems(ctx, from, to, items);
  await recordOnCases(ctx, from, to, items, moved.disclosures);
  const ids = Object.fromEntries(CASELOAD_KINDS.map((k) => [k, items.filter((i) => i.kind === k).map((i) => i.id)]));
  ctx.audit
    .subject('User', from.id)
    .detail({ fromUserId: from.id, toUserId: to.id, items: ids, newDisclosureIds: Object.values(moved.disclosures) })
    .touched(
      'Case',
      items.flatMap((i) => (i.caseId ? [i.caseId] : [])),
    );
  return { moved: countByKind(items) };
}

/** One `handover` entry per case: who to whom, and which of its items (the timeline shows each reader what they may know). */
async function recordOnCases(
  ctx: ServiceContext,
  from: { id: string; municipalityId: string },
  to: { id: string },
  items: CaseloadItem[],
  newDisclosures: Record<string, string>,
) {
  const byCase = new Map<string, CaseloadItem[]>();
  for (const i of items) if (i.caseId) byCase.set(i.caseId, [...(byCase.get(i.caseId) ?? []), i]);
  const of = (list: CaseloadItem[], kind: CaseloadKind) => list.filter((i) => i.kind === kind).map((i) => i.id);
  for (const [caseId, list] of byCase) {
    const revoked = of(list, 'disclosure');
    await recordEvent(ctx, { id: caseId, municipalityId: from.municipalityId }, 'handover', {
      from: from.id,
      to: to.id,
      keyWorker: list.some((i) => i.kind === 'case'),
      interventionIds: of(list, 'intervention'),
      taskIds: of(list, 'task'),
      disclosureIds: revoked,
      newDisclosureIds: revoked.flatMap((id) => (newDisclosures[id] ? [newDisclosures[id]] : [])),
    });
  }
}
