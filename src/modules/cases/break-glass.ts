import { randomUUID } from 'node:crypto';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import { municipalToday } from '../work/calendar.js';
import { recordEvent } from './access.js';
import type { BreakGlass } from './schema.js';
import { requireFreshSecondFactor } from '../auth/second-factor.js';
import { enqueueAlerts } from '../alerts/enqueue.js';

/** The field bound into a justification's ciphertext, with the grant's id: a value copied to another row does not decrypt. */
export const JUSTIFICATION_FIELD = 'break_glass.justification';
export const justificationField = (id: string) => `${JUSTIFICATION_FIELD}/${id}`;

/** What the timeline, the audit event and the flag say of a grant: facts, never the justification. */
const factsOf = (g: { id: string; userId: string; sections: string[]; expiresAt: Date }) => ({
  breakGlassId: g.id,
  userId: g.userId,
  sections: g.sections,
  expiresAt: g.expiresAt.toISOString(),
});

/**
 * Social worker: emergency access to sections of a case outside their reach, granted at once for the
 * municipality's break-glass duration. In the same transaction: the grant (justification encrypted),
 * the case's timeline entry, the auditor's flag, and a notice in every coordinator's "my work". A second
 * request while one is live is refused (BREAK_GLASS_LIVE): a grant cannot extend itself. A coordinator
 * is refused with a field saying it is not needed; other roles have no rule (FORBIDDEN); a case elsewhere is NOT_FOUND;
 * a case that moved to another city (closed as `transferred`) is FORBIDDEN with a field saying so.
 */
export async function breakGlass(ctx: ServiceContext, input: BreakGlass) {
  const asked = { type: 'Case', id: input.caseId };
  // DESIGN's "n/a": a refusal like any other role's (FORBIDDEN, audited), whose field says why.
  if (ctx.user.role === 'coordinator') throw new AppError('FORBIDDEN', { entity: asked, fields: { caseId: 'BREAK_GLASS_NOT_NEEDED' } });
  assertCan(ctx.ability, 'breakGlass', 'Case');
  const c = await ctx.db.case.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'breakGlass').ofType('Case'), { id: input.caseId }] },
    select: { id: true, municipalityId: true, reference: true, keyWorkerId: true },
  });
  if (!c) {
    // A case of the municipality that moved to another city: said plainly, since any case here is one to ask about.
    const moved = await ctx.db.case.findFirst({
      where: { municipalityId: ctx.user.municipalityId, id: input.caseId, closureReason: 'transferred' },
      select: { id: true },
    });
    if (moved) throw new AppError('FORBIDDEN', { entity: asked, fields: { caseId: 'BREAK_GLASS_TRANSFERRED' } });
    throw notFound('Case', input.caseId);
  }
  // Emergency access must not rest on a stolen session alone: an enrolled user proves the factor again.
  requireFreshSecondFactor(ctx);
  // One request at a time per user and case, so two sent at once cannot both find no live grant.
  await ctx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jisr.break_glass'), hashtext(${`${ctx.user.id}/${c.id}`}))`;
  const now = ctx.clock();
  const live = await ctx.db.breakGlass.findFirst({
    where: { caseId: c.id, userId: ctx.user.id, expiresAt: { gt: now }, endedAt: null },
    select: { expiresAt: true },
  });
  if (live)
    throw new AppError('BREAK_GLASS_LIVE', { fields: { caseId: 'BREAK_GLASS_LIVE' }, data: { expiresAt: live.expiresAt.toISOString() } });

  const { breakGlassMinutes } = await ctx.db.municipality.findUniqueOrThrow({
    where: { id: c.municipalityId },
    select: { breakGlassMinutes: true },
  });
  const id = randomUUID();
  const grant = await ctx.db.breakGlass.create({
    data: {
      id,
      municipalityId: c.municipalityId,
      caseId: c.id,
      userId: ctx.user.id,
      sections: input.sections,
      justification: await sealText(ctx, { kind: 'case', id: c.id }, JUSTIFICATION_FIELD, id, input.justification),
      grantedAt: now,
      expiresAt: new Date(now.getTime() + breakGlassMinutes * 60_000),
    },
    select: { id: true, caseId: true, userId: true, sections: true, grantedAt: true, expiresAt: true },
  });
  const facts = factsOf(grant);
  await recordEvent(ctx, c, 'break_glass', facts);
  await ctx.db.auditFlag.create({
    data: {
      municipalityId: c.municipalityId,
      kind: 'break_glass',
      subjectUserId: ctx.user.id,
      actorId: ctx.user.id,
      detail: { ...facts, caseId: c.id, reference: c.reference },
      createdAt: now,
    },
    select: { id: true },
  });
  await tellCoordinators(ctx, c, grant.id, now);
  // "A break-glass on your case": its key worker is alerted at once (the coordinators through their notice).
  if (c.keyWorkerId && c.keyWorkerId !== ctx.user.id)
    await enqueueAlerts(
      ctx.db,
      now,
      { municipalityId: c.municipalityId, kind: 'break_glass', entityType: 'Case', entityId: c.id, reference: c.reference },
      [c.keyWorkerId],
    );
  ctx.audit.detail(facts);
  return {
    id: grant.id,
    caseId: c.id,
    reference: c.reference,
    sections: grant.sections,
    grantedAt: grant.grantedAt,
    expiresAt: grant.expiresAt,
  };
}

/**
 * "Told to the case's coordinator": coordinators see every case of the municipality, so every active
 * coordinator gets a `break_glass` notice in "my work" (a reminder the sweep leaves alone: it stays
 * until they dismiss it).
 */
async function tellCoordinators(ctx: ServiceContext, c: { id: string; municipalityId: string }, grantId: string, now: Date) {
  const coordinators = await ctx.db.user.findMany({
    where: { municipalityId: c.municipalityId, role: 'coordinator', disabledAt: null },
    select: { id: true },
  });
  const today = await municipalToday(ctx.db, c.municipalityId, now);
  await ctx.db.reminder.createMany({
    data: coordinators.map((u) => ({
      municipalityId: c.municipalityId,
      userId: u.id,
      kind: 'break_glass' as const,
      entityType: 'BreakGlass',
      entityId: grantId,
      caseId: c.id,
      dueAt: today,
      createdAt: now,
    })),
  });
}

/** Social worker: their live emergency accesses, for the banner every page shows while one lasts. */
export async function liveBreakGlass(ctx: ServiceContext) {
  assertCan(ctx.ability, 'read', 'BreakGlass');
  const rows = await ctx.db.breakGlass.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('BreakGlass'), { expiresAt: { gt: ctx.clock() }, endedAt: null }] },
    select: { id: true, caseId: true, sections: true, grantedAt: true, expiresAt: true, case: { select: { reference: true } } },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
  });
  ctx.audit.detail({ count: rows.length }).touched(
    'Case',
    rows.map((r) => r.caseId),
  );
  return rows.map(({ case: c, ...r }) => ({ ...r, reference: c.reference }));
}

/** The viewer's own live grant on a loaded case (from the rule columns), for the case page's banner. */
export function myLiveGrant(
  ctx: Pick<ServiceContext, 'user' | 'clock'>,
  c: { breakGlasses: { userId: string; expiresAt: Date; endedAt: Date | null; sections: string[] }[] },
) {
  const now = ctx.clock();
  const mine = c.breakGlasses.filter((g) => g.userId === ctx.user.id && g.expiresAt > now && !g.endedAt);
  return mine.length ? { expiresAt: mine[0]!.expiresAt, sections: mine[0]!.sections } : null;
}
