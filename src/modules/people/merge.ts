import type { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { assertCan } from '../../auth/guard.js';
import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { isDistinct } from './distinct.js';
import { lockPeople, mergeable, moveAll, moveBack, type Moved } from './merge-moves.js';
import type { MergePeopleInput, PersonIdInput, UnmergeInput } from './schema.js';

/** How long a merge can be undone. */
export const UNDO_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Merges two records of one person (coordinator, one municipality): the merged record's referrals,
 * cases and household links move to the survivor, what moved is kept in person_merge, and the merged
 * record stays, hidden, pointing at the survivor (reads of it say where it went). One transaction
 * with its audit event: a failure half-way leaves both records as they were.
 */
export async function mergePeople(ctx: ServiceContext, input: z.infer<typeof MergePeopleInput>) {
  assertCan(ctx.ability, 'merge', 'Person');
  const { survivorId, mergedId } = input;
  await lockPeople(ctx.db, [survivorId, mergedId]);
  // Checked under the lock: a concurrent merge of either record has committed or waits for us.
  const people = await mergeable(ctx, [survivorId, mergedId]);
  // Retention destroyed an anonymised record's details and key: live records must not move under it (or
  // come back to life with it), whichever side it is on. No search offers it; a crafted id could.
  const gone = people.find((p) => p.anonymisedAt !== null);
  if (gone) {
    const field = gone.id === mergedId ? 'mergedId' : 'survivorId';
    throw new AppError('CASE_ANONYMISED', { entity: { type: 'Person', id: gone.id }, fields: { [field]: 'CASE_ANONYMISED' } });
  }
  if (await isDistinct(ctx.db, survivorId, mergedId)) {
    throw new AppError('PEOPLE_MARKED_DISTINCT', { fields: { mergedId: 'PEOPLE_MARKED_DISTINCT' } });
  }
  const moved = await moveAll(ctx.db, mergedId, survivorId);
  await ctx.db.person.update({ where: { id: mergedId }, data: { mergedIntoId: survivorId }, select: { id: true } });
  const merge = await ctx.db.personMerge.create({
    data: {
      municipalityId: ctx.user.municipalityId,
      survivorId,
      mergedId,
      moved: moved as unknown as object,
      mergedById: ctx.user.id,
      mergedAt: ctx.clock(),
    },
    select: { id: true, mergedAt: true },
  });
  const counts = { referrals: moved.referrals.length, cases: moved.cases.length, households: moved.households.length };
  ctx.audit
    .detail({ mergeId: merge.id, survivorId, mergedId, ...counts })
    .touched('Person', [survivorId, mergedId])
    .touched('Case', moved.cases);
  return { id: merge.id, survivorId, mergedId, mergedAt: merge.mergedAt, ...counts };
}

/**
 * Undoes a merge into `personId` within UNDO_DAYS: what it moved goes back, the merged record is
 * live again, and the merge stays on record as undone. Refused after UNDO_DAYS (MERGE_UNDO_EXPIRED),
 * and while the survivor is itself merged into a third record (MERGE_UNDO_BLOCKED: undo that first).
 */
export async function unmergePeople(ctx: ServiceContext, input: z.infer<typeof UnmergeInput>) {
  assertCan(ctx.ability, 'merge', 'Person');
  const merge = await ctx.db.personMerge.findFirst({
    where: { id: input.mergeId, survivorId: input.personId, municipalityId: ctx.user.municipalityId },
    select: { id: true, survivorId: true, mergedId: true, moved: true, mergedAt: true, undoneAt: true },
  });
  if (!merge) throw notFound('Person', input.personId);
  await lockPeople(ctx.db, [merge.survivorId, merge.mergedId]);
  const survivor = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'merge').ofType('Person'), { id: merge.survivorId }] },
    select: { id: true, anonymisedAt: true },
  });
  if (!survivor) throw new AppError('MERGE_UNDO_BLOCKED');
  // Retention took the survivor (and the records merged into it) since: nothing of theirs may come back.
  if (survivor.anonymisedAt) throw new AppError('CASE_ANONYMISED', { entity: { type: 'Person', id: survivor.id } });
  if (merge.undoneAt) throw new AppError('CONFLICT');
  const now = ctx.clock();
  if (now.getTime() - merge.mergedAt.getTime() > UNDO_DAYS * DAY) {
    throw new AppError('MERGE_UNDO_EXPIRED', { data: { days: UNDO_DAYS } });
  }
  const back = await moveBack(ctx.db, merge.moved as unknown as Moved, merge.mergedId, merge.survivorId);
  await ctx.db.person.update({ where: { id: merge.mergedId }, data: { mergedIntoId: null }, select: { id: true } });
  await ctx.db.personMerge.update({ where: { id: merge.id }, data: { undoneAt: now, undoneById: ctx.user.id }, select: { id: true } });
  ctx.audit
    .detail({ mergeId: merge.id, survivorId: merge.survivorId, mergedId: merge.mergedId, ...back })
    .touched('Person', [merge.survivorId, merge.mergedId])
    .touched('Case', (merge.moved as unknown as Moved).cases);
  return { id: merge.id, survivorId: merge.survivorId, mergedId: merge.mergedId, undoneAt: now, ...back };
}

/**
 * The merges into a person (newest first, undone ones too) and the records marked "not the same
 * person" as them, for the coordinator's person page. Names of the merged records are shown: they are
 * named in the event's touched list.
 */
export async function mergesOf(ctx: ServiceContext, input: z.infer<typeof PersonIdInput>) {
  assertCan(ctx.ability, 'merge', 'Person');
  const person = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'merge').ofType('Person'), { id: input.id }] },
    select: { id: true },
  });
  if (!person) throw notFound('Person', input.id);
  const names = { id: true, nameArabic: true, nameLatin: true, birthYear: true } as const;
  const [merges, marks] = await Promise.all([
    ctx.db.personMerge.findMany({
      where: { survivorId: input.id },
      orderBy: { mergedAt: 'desc' },
      select: { id: true, mergedId: true, mergedAt: true, undoneAt: true, moved: true },
    }),
    ctx.db.personDistinct.findMany({
      where: { OR: [{ personId: input.id }, { otherId: input.id }] },
      select: { personId: true, otherId: true, markedAt: true },
    }),
  ]);
  const otherIds = marks.map((m) => (m.personId === input.id ? m.otherId : m.personId));
  const people = await ctx.db.person.findMany({
    where: { municipalityId: ctx.user.municipalityId, id: { in: [...merges.map((m) => m.mergedId), ...otherIds] } },
    select: names,
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const now = ctx.clock().getTime();
  ctx.audit.touched(
    'Person',
    people.map((p) => p.id),
  );
  return {
    merges: merges.map((m) => {
      const moved = m.moved as unknown as Moved;
      const undoUntil = new Date(m.mergedAt.getTime() + UNDO_DAYS * DAY);
      return {
        id: m.id,
        merged: byId.get(m.mergedId)!,
        mergedAt: m.mergedAt,
        undoneAt: m.undoneAt,
        undoUntil,
        undoable: !m.undoneAt && now <= undoUntil.getTime(),
        referrals: moved.referrals.length,
        cases: moved.cases.length,
      };
    }),
    distinct: marks.map((m, i) => ({ other: byId.get(otherIds[i]!)!, markedAt: m.markedAt })),
  };
}
