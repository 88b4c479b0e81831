import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { rawQuery } from '../../db.js';
import { nameKeys } from '../people/names.js';
import { matchStatement, type MatchRow } from '../people/match-sql.js';
import { MIN_SCORE, SHOWN, rankMatches } from '../people/rank.js';
import { offered } from '../people/distinct.js';
import { byReference } from './reference.js';
import { kindOf, type SearchInput } from './schema.js';
import type { MatchReason } from '../../shared/vocabulary.js';

/** How many cases and referrals each group shows. */
export const GROUP_LIMIT = 20;

const personNames = { id: true, nameArabic: true, nameLatin: true, birthYear: true } satisfies Prisma.PersonSelect;

/** The person ids a name matches, best first, as people.match ranks them (merged records never). */
async function matchedIds(ctx: ServiceContext, name: string, year: number | null) {
  const rows = await rawQuery<MatchRow>(ctx.db, matchStatement(ctx.user.municipalityId, nameKeys(name), year));
  const ranked = rankMatches(name, year, rows).filter((r) => r.score >= MIN_SCORE);
  return (await offered(ctx, ranked, undefined)).slice(0, SHOWN);
}

/**
 * Cases, referrals and people for one search box, each group under the rules of the list it comes
 * from. A name is matched as people.match matches it (either script, how it sounds); a person the
 * user may not read shows as `restricted` (a possible match exists), never by name. A case is found
 * by its person only when the user may read its summary (who it is about): otherwise the search
 * would tie a name to a case whose summary is hidden. A year alone finds only what the user may
 * read. Audited as a read: every record shown is named; the query itself is never stored.
 */
export async function search(ctx: ServiceContext, input: SearchInput) {
  assertCan(ctx.ability, 'match', 'Person');
  const kind = kindOf(input.query);
  if (kind === 'reference') return { kind, people: [], ...(await byReference(ctx, input.query.toUpperCase())) };
  let ranked: { id: string; score: number; reason: MatchReason }[] = [];
  let whose: Prisma.PersonWhereInput;
  if (kind === 'year') {
    whose = { birthYear: Number(input.query), mergedIntoId: null };
  } else {
    ranked = await matchedIds(ctx, input.query, input.birthYear ?? null);
    whose = { id: { in: ranked.map((r) => r.id) } };
  }
  const personRule = accessibleBy(ctx.ability).ofType('Person');
  const [visible, cases, referrals] = await Promise.all([
    ctx.db.person.findMany({
      where: { AND: [personRule, { municipalityId: ctx.user.municipalityId }, whose] },
      select: personNames,
      orderBy: [{ nameLatin: 'asc' }, { id: 'asc' }],
      take: kind === 'year' ? GROUP_LIMIT : SHOWN,
    }),
    ctx.db.case.findMany({
      where: { AND: [accessibleBy(ctx.ability, 'read:summary').ofType('Case'), { person: whose }] },
      select: { id: true, reference: true, stage: true, person: { select: personNames } },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      take: GROUP_LIMIT,
    }),
    ctx.db.referral.findMany({
      where: { AND: [accessibleBy(ctx.ability).ofType('Referral'), { person: whose }] },
      select: { id: true, status: true, submittedAt: true, person: { select: personNames }, case: { select: { reference: true } } },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take: GROUP_LIMIT,
    }),
  ]);
  // Best match first in every group (a year keeps each list's own order).
  const rank = new Map(ranked.map((r, i) => [r.id, i]));
  const byRank = <T extends { person: { id: string } }>(rows: T[]) =>
    kind === 'name' ? [...rows].sort((a, b) => rank.get(a.person.id)! - rank.get(b.person.id)!) : rows;
  const seen = new Map(visible.map((p) => [p.id, p]));
  const people =
    kind === 'name'
      ? ranked.map((r) => {
          const person = seen.get(r.id);
          return person ? { restricted: false as const, reason: r.reason, person } : { restricted: true as const };
        })
      : visible.map((person) => ({ restricted: false as const, reason: null, person }));
  ctx.audit
    .touched('Person', [...visible.map((p) => p.id), ...cases.map((c) => c.person.id), ...referrals.map((r) => r.person.id)])
    .touched(
      'Case',
      cases.map((c) => c.id),
    )
    .touched(
      'Referral',
      referrals.map((r) => r.id),
    );
  ctx.audit.detail({
    kind,
    people: people.length,
    restricted: people.filter((p) => p.restricted).length,
    cases: cases.length,
    referrals: referrals.length,
  });
  return {
    kind,
    people,
    cases: byRank(cases).map((c) => ({ ...c, summaryVisible: true as const })),
    referrals: byRank(referrals).map(({ case: opened, ...r }) => ({ ...r, caseReference: opened?.reference ?? null })),
  };
}
