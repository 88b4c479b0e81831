import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { escapeLike } from '../../lib/text.js';

const LIMIT = 20;
const personNames = { id: true, nameArabic: true, nameLatin: true, birthYear: true } satisfies Prisma.PersonSelect;

/**
 * Cases and referrals by the prefix of a case reference, as cases.list finds them: a case the user
 * may list but whose summary is hidden shows its reference and stage only (no person). Referrals
 * are those the user may read whose case's reference starts so.
 */
export async function byReference(ctx: ServiceContext, prefix: string) {
  const startsWith = escapeLike(prefix);
  const rows = await ctx.db.case.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Case'), { reference: { startsWith } }] },
    select: { id: true, reference: true, stage: true },
    orderBy: [{ reference: 'asc' }],
    take: LIMIT,
  });
  const withSummary = await ctx.db.case.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'read:summary').ofType('Case'), { id: { in: rows.map((r) => r.id) } }] },
    select: { id: true, person: { select: personNames } },
  });
  const people = new Map(withSummary.map((c) => [c.id, c.person]));
  const referrals = await ctx.db.referral.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Referral'), { case: { reference: { startsWith } } }] },
    select: { id: true, status: true, submittedAt: true, person: { select: personNames }, case: { select: { reference: true } } },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: LIMIT,
  });
  ctx.audit
    .touched('Person', [...withSummary.map((c) => c.person.id), ...referrals.map((r) => r.person.id)])
    .touched(
      'Case',
      rows.map((r) => r.id),
    )
    .touched(
      'Referral',
      referrals.map((r) => r.id),
    );
  ctx.audit.detail({ kind: 'reference', cases: rows.length, referrals: referrals.length });
  return {
    cases: rows.map((r) => {
      const person = people.get(r.id);
      return person ? { ...r, person, summaryVisible: true as const } : { ...r, summaryVisible: false as const };
    }),
    referrals: referrals.map(({ case: opened, ...r }) => ({ ...r, caseReference: opened?.reference ?? null })),
  };
}
