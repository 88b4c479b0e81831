import { subject } from '@casl/ability';
import { accessibleBy, type Action } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { CASE_SECTIONS, type CaseSection } from '../../shared/vocabulary.js';
import type { Position } from './schema.js';
import type { TimelineKind } from './timeline-policy.js';

/** What the case rules look at, for deciding in memory which sections of a loaded case a user sees. */
export const ruleSelect = {
  id: true,
  municipalityId: true,
  keyWorkerId: true,
  disclosures: {
    select: { revokedAt: true, expiresAt: true, userId: true, agencyId: true, sections: true, agency: { select: { active: true } } },
  },
  breakGlasses: { select: { userId: true, expiresAt: true, endedAt: true, sections: true } },
} satisfies Prisma.CaseSelect;

type RuleRow = Prisma.CaseGetPayload<{ select: typeof ruleSelect }>;

/**
 * The case with `id` if the user may do `action` on it. A role without any such rule is FORBIDDEN;
 * a case out of reach is NOT_FOUND, so nobody learns that it exists. Both are audited as denied.
 */
export async function findCase<S extends Prisma.CaseSelect>(ctx: ServiceContext, id: string, action: Action, select: S) {
  assertCan(ctx.ability, action, 'Case');
  const row = await ctx.db.case.findFirst({ where: { AND: [accessibleBy(ctx.ability, action).ofType('Case'), { id }] }, select });
  if (!row) throw notFound('Case', id);
  return row as Prisma.CaseGetPayload<{ select: S }>;
}

/** The parts of a case page the user may see, from the same CASL rules the queries filter with. */
export function visibleSections(ctx: Pick<ServiceContext, 'ability'>, row: RuleRow) {
  const asCase = () => subject('Case', { ...row }) as never;
  const sections: (CaseSection | 'team' | 'timeline')[] = CASE_SECTIONS.filter((s) => ctx.ability.can(`read:${s}`, asCase()));
  const team = subject('Disclosure', { municipalityId: row.municipalityId, caseId: row.id, case: { ...row } }) as never;
  if (ctx.ability.can('read', team)) sections.push('team');
  sections.push('timeline');
  return sections;
}

/** True when the user may read (and so write) restricted notes of this case: coordinator or key worker. */
export function mayHandleRestricted(ctx: Pick<ServiceContext, 'ability'>, row: RuleRow) {
  const note = subject('CaseNote', {
    municipalityId: row.municipalityId,
    caseId: row.id,
    sensitivity: 'restricted',
    case: { ...row },
  }) as never;
  return ctx.ability.can('read', note);
}

/** A timeline entry's minuted reason (stage, review, closure, reopening, revocation): under the case's key, bound to the entry's id. */
export const EVENT_REASON_FIELD = 'case_event.reason';

/**
 * Appends one entry to the case's timeline. `data` holds ids and facts, never note or summary text; a
 * `reason` (the user's words) is sealed under the case's key, bound to the entry (its id taken first).
 * Refused (CASE_ANONYMISED) on a case retention anonymised.
 */
export async function recordEvent(
  ctx: ServiceContext,
  c: { id: string; municipalityId: string },
  kind: TimelineKind,
  data: Prisma.InputJsonObject,
) {
  // Retention anonymised the case: it never moves again, so no write that would be minuted here (a
  // disclosure, a cleared summary, a consent…) may happen; the caller's transaction rolls back.
  const kept = await ctx.db.case.findFirst({ where: { id: c.id, municipalityId: c.municipalityId }, select: { anonymisedAt: true } });
  if (kept?.anonymisedAt) throw new AppError('CASE_ANONYMISED', { entity: { type: 'Case', id: c.id } });
  const base = { caseId: c.id, municipalityId: c.municipalityId, at: ctx.clock(), actorId: ctx.user.id, kind };
  if (typeof data.reason !== 'string') return ctx.db.caseEvent.create({ data: { ...base, data }, select: { id: true } });
  const [{ id }] = await ctx.db.$queryRaw<[{ id: bigint }]>`SELECT nextval(pg_get_serial_sequence('case_event', 'id')) AS id`;
  const reason = await sealText(ctx, { kind: 'case', id: c.id }, EVENT_REASON_FIELD, String(id), data.reason);
  return ctx.db.caseEvent.create({ data: { ...base, id, data: { ...data, reason } }, select: { id: true } });
}

/**
 * Rows strictly after `cursor` in (field desc, id desc) order. The `lte` bound stands outside the OR so
 * the (…, field desc, id desc) index can start the scan at the cursor: with the OR alone, a plan made
 * without the parameters' values (Prisma sends the date typed, so PostgreSQL estimates it blind) walked
 * the index from the newest row and filtered every row before the cursor — page 2,000 took 9× page 1.
 */
export function after(field: 'openedAt' | 'createdAt', cursor: Position | undefined) {
  if (!cursor) return {};
  return { [field]: { lte: cursor.at }, OR: [{ [field]: { lt: cursor.at } }, { id: { lt: cursor.id } }] };
}
