import { AppError, notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { rawQuery, type DbClient } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Relationship } from '../../generated/prisma/enums.js';
import type { ServiceContext } from '../../service.js';

/**
 * What a merge moved from the merged record to the survivor, kept in person_merge.moved so that an
 * undo moves exactly that back. A household link the survivor already had is `dropped` (the two
 * records were both members), not moved; the undo gives it back to the merged record.
 *
 * Every foreign key to person is here or in NOT_MOVED (tests/people/merge.test.ts checks the database's
 * list against both, so a new table pointing at a person cannot be forgotten by the merge).
 */
export interface Moved {
  referrals: string[];
  cases: string[];
  /** `row`: a dropped link as it was (every column), given back as is by the undo. */
  households: { householdId: string; relationship: Relationship; dropped: boolean; row?: Prisma.HouseholdMemberCreateManyInput }[];
}
export const MOVED_KEYS = ['referral.person_id', 'case_record.person_id', 'household_member.person_id'];
/** Foreign keys to person that stay where they are: the merge's own bookkeeping. */
export const NOT_MOVED = [
  'person.merged_into_id',
  'person_merge.survivor_id',
  'person_merge.merged_id',
  'person_distinct.person_id',
  'person_distinct.other_id',
  // A subject-access request stays a record of what was asked about that record and released; the
  // survivor's export reaches the merged record's data through the merge (subject-access/assemble.ts).
  'subject_access_request.person_id',
];

/** Locks both records (in id order, so two merges of one pair cannot deadlock) for the rest of the transaction. */
export async function lockPeople(db: DbClient, ids: string[]) {
  const list = Prisma.join([...ids].sort().map((id) => Prisma.sql`${id}::uuid`));
  await rawQuery(db, Prisma.sql`SELECT id FROM person WHERE id IN (${list}) ORDER BY id FOR UPDATE`);
}

/** Moves everything of `mergedId` to `survivorId`; returns what moved. */
export async function moveAll(db: DbClient, mergedId: string, survivorId: string): Promise<Moved> {
  const [referrals, cases, links, theirs] = await Promise.all([
    db.referral.findMany({ where: { personId: mergedId }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.case.findMany({ where: { personId: mergedId }, select: { id: true }, orderBy: { id: 'asc' } }),
    db.householdMember.findMany({ where: { personId: mergedId } }),
    db.householdMember.findMany({ where: { personId: survivorId }, select: { householdId: true } }),
  ]);
  const moved: Moved = {
    referrals: referrals.map((r) => r.id),
    cases: cases.map((c) => c.id),
    households: links.map((l) => {
      const dropped = theirs.some((t) => t.householdId === l.householdId);
      return { householdId: l.householdId, relationship: l.relationship, dropped, ...(dropped ? { row: l } : {}) };
    }),
  };
  await db.referral.updateMany({ where: { id: { in: moved.referrals } }, data: { personId: survivorId } });
  await db.case.updateMany({ where: { id: { in: moved.cases } }, data: { personId: survivorId } });
  for (const h of moved.households) {
    const where = { householdId: h.householdId, personId: mergedId };
    if (h.dropped) await db.householdMember.deleteMany({ where });
    else await db.householdMember.updateMany({ where, data: { personId: survivorId } });
  }
  return moved;
}

/** Moves back what `moved` names and still sits with the survivor (a record re-pointed since stays where it is). */
export async function moveBack(db: DbClient, moved: Moved, mergedId: string, survivorId: string) {
  const referrals = await db.referral.updateMany({
    where: { id: { in: moved.referrals }, personId: survivorId },
    data: { personId: mergedId },
  });
  const cases = await db.case.updateMany({ where: { id: { in: moved.cases }, personId: survivorId }, data: { personId: mergedId } });
  for (const h of moved.households) {
    if (h.dropped && h.row) {
      await db.householdMember.createMany({ data: [h.row], skipDuplicates: true });
    } else {
      await db.householdMember.updateMany({ where: { householdId: h.householdId, personId: survivorId }, data: { personId: mergedId } });
    }
  }
  return { referrals: referrals.count, cases: cases.count, households: moved.households.length };
}

/** The live record a merged one ended up in (following later merges), or null. */
async function liveSurvivor(db: DbClient, municipalityId: string, id: string): Promise<string | null> {
  let current: string | null = id;
  for (let hops = 0; current && hops < 20; hops++) {
    const row: { mergedIntoId: string | null } | null = await db.person.findFirst({
      where: { id: current, municipalityId },
      select: { mergedIntoId: true },
    });
    if (!row) return null;
    if (!row.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return null;
}

/**
 * The error for a person the user cannot reach: PERSON_MERGED (with the survivor's id) when it is a
 * merged record of the user's municipality and the user may read the record it went into; NOT_FOUND
 * otherwise, so a merged record tells no one more than a missing one would.
 */
export async function unreachable(ctx: ServiceContext, id: string): Promise<AppError> {
  const row = await ctx.db.person.findFirst({
    where: { id, municipalityId: ctx.user.municipalityId, mergedIntoId: { not: null } },
    select: { mergedIntoId: true },
  });
  const survivorId = row?.mergedIntoId ? await liveSurvivor(ctx.db, ctx.user.municipalityId, row.mergedIntoId) : null;
  const readable =
    survivorId &&
    (await ctx.db.person.findFirst({
      where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: survivorId }] },
      select: { id: true },
    }));
  if (!readable) return notFound('Person', id);
  return new AppError('PERSON_MERGED', { entity: { type: 'Person', id }, data: { survivorId: readable.id } });
}

/** Both records, live and open to the user's `merge` rule; otherwise the first one's unreachable() error. */
export async function mergeable(ctx: ServiceContext, ids: string[]) {
  const found = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'merge').ofType('Person'), { id: { in: ids } }] },
    select: { id: true, nameArabic: true, nameLatin: true, birthYear: true, anonymisedAt: true },
  });
  for (const id of ids) if (!found.some((p) => p.id === id)) throw await unreachable(ctx, id);
  return found;
}
