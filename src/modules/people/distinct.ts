import type { z } from 'zod';
import { assertCan } from '../../auth/guard.js';
import { accessibleBy } from '../../auth/casl.js';
import { notFound } from '../../errors.js';
import { rawQuery, type DbClient } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import { mergeable } from './merge-moves.js';
import type { DistinctPairInput } from './schema.js';

/** The pair as stored: the smaller id first (CHECK person_distinct_ordered_pair). */
const ordered = (a: string, b: string) => (a < b ? { personId: a, otherId: b } : { personId: b, otherId: a });

export async function isDistinct(db: DbClient, a: string, b: string) {
  return (await db.personDistinct.count({ where: ordered(a, b) })) > 0;
}

/**
 * Marks two records as NOT the same person, so people.match stops offering one for the other.
 * A coordinator's decision, like a merge (DESIGN: merge / unmerge is theirs): a social worker sees
 * most candidates as "exists" only and could not judge the pair. Marking twice changes nothing.
 */
export async function markDistinct(ctx: ServiceContext, input: z.infer<typeof DistinctPairInput>) {
  assertCan(ctx.ability, 'merge', 'Person');
  await mergeable(ctx, [input.personId, input.otherId]);
  const pair = ordered(input.personId, input.otherId);
  const created = await ctx.db.personDistinct.createMany({
    data: [{ ...pair, municipalityId: ctx.user.municipalityId, markedById: ctx.user.id, markedAt: ctx.clock() }],
    skipDuplicates: true,
  });
  ctx.audit.detail({ otherId: input.otherId, marked: created.count === 1 }).touched('Person', [input.personId, input.otherId]);
  return { personId: input.personId, otherId: input.otherId };
}

/** Takes a mark back: the pair is offered again. */
export async function unmarkDistinct(ctx: ServiceContext, input: z.infer<typeof DistinctPairInput>) {
  assertCan(ctx.ability, 'merge', 'Person');
  await mergeable(ctx, [input.personId, input.otherId]);
  const removed = await ctx.db.personDistinct.deleteMany({ where: ordered(input.personId, input.otherId) });
  ctx.audit.detail({ otherId: input.otherId, removed: removed.count }).touched('Person', [input.personId, input.otherId]);
  return { personId: input.personId, otherId: input.otherId, removed: removed.count === 1 };
}

/**
 * What people.match may offer of its ranked candidates: never a merged (hidden) record; and when
 * matching for a person (`forPersonId`, which the user must be able to read), neither that person nor
 * a record marked "not the same person" as them. One statement over the candidates, only when
 * matching for a person: the matching statement (match-sql.ts) already leaves merged records out,
 * which spared every other match a round trip (and Prisma's compile of it).
 */
export async function offered<T extends { id: string }>(ctx: ServiceContext, ranked: T[], forPersonId?: string): Promise<T[]> {
  if (!forPersonId) return ranked;
  const readable = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: forPersonId }] },
    select: { id: true },
  });
  if (!readable) throw notFound('Person', forPersonId);
  if (ranked.length === 0) return ranked;
  const ids = Prisma.join(ranked.map((r) => Prisma.sql`${r.id}::uuid`));
  const self = forPersonId;
  const left = await rawQuery<{ id: string }>(
    ctx.db,
    Prisma.sql`
      SELECT p.id FROM person p WHERE p.id IN (${ids}) AND (
        p.merged_into_id IS NOT NULL
        OR p.id = ${self}::uuid
        OR EXISTS (SELECT 1 FROM person_distinct d
                   WHERE d.person_id = least(p.id, ${self}::uuid) AND d.other_id = greatest(p.id, ${self}::uuid)))`,
  );
  const out = new Set(left.map((r) => r.id));
  return ranked.filter((r) => !out.has(r.id));
}
