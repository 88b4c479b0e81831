import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { rawQuery } from '../../db.js';
import { nameKeys } from './names.js';
import { matchStatement, type MatchRow } from './match-sql.js';
import { MIN_SCORE, SHOWN, rankMatches } from './rank.js';
import { householdOf } from './household.js';
import { offered } from './distinct.js';
import { unreachable } from './merge-moves.js';
import type { CreatePersonInput, MatchPeopleInput } from './schema.js';
import { openSafeContact, sealSafeContact } from './safe-contact.js';

export const personSelect = {
  id: true,
  nameArabic: true,
  nameLatin: true,
  birthDate: true,
  birthYear: true,
  sex: true,
  nationality: true,
  languages: true,
  cohort: true,
  contact: true,
  guardianName: true,
  guardianContact: true,
  fatherName: true,
  locality: true,
  governorate: true,
  birthYearEstimated: true,
  version: true,
  createdAt: true,
} satisfies Prisma.PersonSelect;

/**
 * Ranked candidates for a name (either script) in the user's municipality, best first, each with
 * why it matched (`same_spelling`, `transliteration`, `similar`). The statement (match-sql.ts) finds
 * up to forty people whose name keys are near the query's, through indexes only; rank.ts weighs the
 * evidence (how the names sound word by word, the full form, the birth year) and the best ten are
 * shown. A candidate the user may not see comes back as `{ restricted: true, score }`: they learn a
 * possible match exists, and ask the coordinator.
 */
export async function matchPeople(ctx: ServiceContext, input: z.infer<typeof MatchPeopleInput>) {
  assertCan(ctx.ability, 'match', 'Person');
  const year = input.birthYear ?? null;
  // Prepared (db.ts): its shape never changes (the words travel as one array), and it was planned on every call.
  const rows = await rawQuery<MatchRow>(ctx.db, matchStatement(ctx.user.municipalityId, nameKeys(input.name), year), { prepared: true });
  const ranked = rankMatches(input.name, year, rows);
  // Never a merged (hidden) record; for a person's page, not them nor a record marked "not the same person".
  const candidates = await offered(
    ctx,
    ranked.filter((r) => r.score >= MIN_SCORE),
    input.forPersonId,
  );
  const shown = candidates.slice(0, SHOWN);
  const visible = await ctx.db.person.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id: { in: shown.map((c) => c.id) } }] },
    // Only the cases the user may open: a person's other cases stay invisible.
    select: {
      ...personSelect,
      cases: { where: accessibleBy(ctx.ability).ofType('Case'), select: { id: true, reference: true, stage: true } },
    },
  });
  const byId = new Map(visible.map((p) => [p.id, p]));
  ctx.audit.detail({ candidates: shown.length, shown: visible.length });
  ctx.audit
    .touched(
      'Person',
      visible.map((p) => p.id),
    )
    .touched(
      'Case',
      visible.flatMap((p) => p.cases.map((c) => c.id)),
    );
  return shown.map((c) => {
    const person = byId.get(c.id);
    return person
      ? { restricted: false as const, score: c.score, reason: c.reason, person }
      : { restricted: true as const, score: c.score };
  });
}

/** Registers a person with the keys their names are matched by. */
export async function createPerson(ctx: ServiceContext, input: z.infer<typeof CreatePersonInput>) {
  assertCan(ctx.ability, 'create', 'Person');
  const keys = nameKeys(input.nameLatin ?? input.nameArabic!);
  const arabicKeys = input.nameArabic ? nameKeys(input.nameArabic) : keys;
  const { estimatedAge, safeContact, ...fields } = input;
  // The id is made here: the safe contact's ciphertext is bound to it.
  const id = randomUUID();
  const person = await ctx.db.person.create({
    data: {
      ...fields,
      id,
      municipalityId: ctx.user.municipalityId,
      birthYear:
        input.birthYear ??
        input.birthDate?.getUTCFullYear() ??
        (estimatedAge === undefined ? null : ctx.clock().getUTCFullYear() - estimatedAge),
      birthYearEstimated: estimatedAge !== undefined,
      safeContact: await sealSafeContact(ctx, { id, municipalityId: ctx.user.municipalityId }, safeContact),
      latinKey: keys.latinKey,
      skeleton: arabicKeys.skeleton,
    },
    select: personSelect,
  });
  ctx.audit.subject('Person', person.id);
  return person;
}

/** One person, if the user may see them; otherwise NOT_FOUND (FORBIDDEN for a role that reads nobody, as everywhere). */
export async function getPerson(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read', 'Person');
  const row = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id }] },
    select: { ...personSelect, safeContact: true },
  });
  // A merged record says where it went (to one who may read that), otherwise NOT_FOUND.
  if (!row) throw await unreachable(ctx, id);
  // Read before anyone calls: how to reach the person safely (decrypted for those who may read them).
  const person = { ...row, safeContact: await openSafeContact(ctx, id, row.safeContact) };
  const household = await householdOf(ctx, id);
  // The household members shown are personal data read too: name them in the same event.
  ctx.audit.touched(
    'Person',
    household.members.map((m) => m.id),
  );
  return { ...person, household };
}
