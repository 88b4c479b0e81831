import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { DISCLOSURE_RECIPIENT_ROLES, KEY_WORKER_ROLES } from '../../shared/roles.js';
import type { Role } from '../../shared/vocabulary.js';
import { coveringConsent } from '../consent/coverage.js';
import { usablePurpose } from '../purposes/service.js';
import { checkKeyWorker, checkPurposeRules, sealPurposeWords } from './purpose-bans.js';
import { findCase, recordEvent } from './access.js';
import { agencyPractitionerIds, enqueueAlerts } from '../alerts/enqueue.js';
import type { AssignInput, Disclose, RevokeDisclosureInput } from './schema.js';

const oneYearAfter = (d: Date) => {
  const later = new Date(d);
  later.setUTCFullYear(later.getUTCFullYear() + 1);
  return later;
};

/** Not found among those who may receive this: the refusal names the field and says no more. */
const noSuch = (type: 'User' | 'Agency', id: string, field: string) =>
  new AppError('NOT_FOUND', { entity: { type, id }, fields: { [field]: 'NOT_FOUND' } });

/** An active agency of the coordinator's municipality. */
async function checkAgency(ctx: ServiceContext, id: string, field: string) {
  const agency = await ctx.db.agency.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Agency'), { id, active: true }] },
    select: { id: true },
  });
  if (!agency) throw noSuch('Agency', id, field);
}

/** An active account of the municipality with one of `roles`. */
async function checkUser(ctx: ServiceContext, id: string, roles: readonly Role[], field: string) {
  const user = await ctx.db.user.findFirst({
    where: { id, municipalityId: ctx.user.municipalityId, disabledAt: null, role: { in: [...roles] } },
    select: { id: true },
  });
  if (!user) throw noSuch('User', id, field);
}

/**
 * Coordinator: sets the key worker (an active social worker or coordinator) and/or the lead agency.
 * Replacing an existing one is a transfer; the timeline keeps who it was before.
 */
export async function assign(ctx: ServiceContext, input: z.infer<typeof AssignInput>) {
  const c = await findCase(ctx, input.id, 'manage:team', {
    id: true,
    municipalityId: true,
    reference: true,
    keyWorkerId: true,
    leadAgencyId: true,
  });
  if (input.keyWorkerId) await checkUser(ctx, input.keyWorkerId, KEY_WORKER_ROLES, 'keyWorkerId');
  if (input.keyWorkerId) await checkKeyWorker(ctx, c.id, input.keyWorkerId);
  if (input.leadAgencyId) await checkAgency(ctx, input.leadAgencyId, 'leadAgencyId');
  const changes = (
    [
      ['keyWorker', c.keyWorkerId, input.keyWorkerId],
      ['leadAgency', c.leadAgencyId, input.leadAgencyId],
    ] as const
  ).filter(([, from, to]) => to && to !== from);
  // Only over the assignment we read: a concurrent transfer makes this one a CONFLICT, so the history stays true.
  const { count } = await ctx.db.case.updateMany({
    where: { id: c.id, keyWorkerId: c.keyWorkerId, leadAgencyId: c.leadAgencyId },
    data: { keyWorkerId: input.keyWorkerId ?? c.keyWorkerId, leadAgencyId: input.leadAgencyId ?? c.leadAgencyId },
  });
  if (count === 0) throw new AppError('CONFLICT');
  for (const [role, from, to] of changes) await recordEvent(ctx, c, from ? 'transfer' : 'assign', { role, from, to: to! });
  await alertAssignment(ctx, c, changes);
  const updated = await ctx.db.case.findUniqueOrThrow({
    where: { id: c.id },
    select: { id: true, keyWorker: { select: { id: true, displayName: true } }, leadAgency: { select: { id: true, name: true } } },
  });
  ctx.audit.detail(Object.fromEntries(changes.map(([role, from, to]) => [role, { from, to, transfer: Boolean(from) }])));
  return updated;
}

/** The audit detail of a disclosure: to whom, what, why (the listed purpose, never its free words), on which basis, until when. */
const disclosureDetail = (d: {
  id: string;
  agencyId: string | null;
  userId: string | null;
  sections: string[];
  purposeId: string;
  listedPurpose: { code: string };
  legalBasis: string;
  expiresAt: Date;
  consentId?: string | null;
}) => ({
  disclosureId: d.id,
  ...(d.agencyId ? { agencyId: d.agencyId } : { userId: d.userId }),
  sections: d.sections,
  purposeId: d.purposeId,
  purposeCode: d.listedPurpose.code,
  legalBasis: d.legalBasis,
  expiresAt: d.expiresAt.toISOString(),
  ...(d.consentId ? { consentId: d.consentId } : {}),
});

const disclosureSelect = {
  id: true,
  caseId: true,
  agencyId: true,
  userId: true,
  sections: true,
  purposeId: true,
  listedPurpose: { select: { code: true } },
  purpose: true,
  legalBasis: true,
  expiresAt: true,
  revokedAt: true,
  consentId: true,
} satisfies Prisma.DisclosureSelect;

/**
 * Coordinator: grants sections of a case to an agency or a named user, for a purpose, on a legal
 * basis, until an expiry within a year. On consent, it names a live consent that covers it (consent/coverage.ts).
 */
export async function disclose(ctx: ServiceContext, input: Disclose) {
  const c = await findCase(ctx, input.caseId, 'manage:team', { id: true, municipalityId: true });
  const now = ctx.clock();
  if (input.expiresAt <= now) throw new AppError('BAD_INPUT', { fields: { expiresAt: 'too_small' } });
  if (input.expiresAt > oneYearAfter(now)) throw new AppError('BAD_INPUT', { fields: { expiresAt: 'too_big' } });
  if (input.agencyId) await checkAgency(ctx, input.agencyId, 'agencyId');
  // Coordinators see every case already; admins and auditors may never see case content.
  if (input.userId) await checkUser(ctx, input.userId, DISCLOSURE_RECIPIENT_ROLES, 'userId');
  const purpose = await usablePurpose(ctx, input.purposeId);
  // The purpose bans (shared/purposes.ts): refused with the rule that forbids it, nothing written.
  await checkPurposeRules(ctx, c.id, { ...input, code: purpose.code });
  // Never a consent-based disclosure without a live consent that covers it, nor one that outlives it.
  if (input.legalBasis === 'consent')
    await coveringConsent(ctx, c, { ...input, consentId: input.consentId!, consentPurpose: input.consentPurpose! }, now);
  const id = randomUUID();
  const stored = await ctx.db.disclosure.create({
    data: {
      id,
      caseId: c.id,
      municipalityId: c.municipalityId,
      agencyId: input.agencyId ?? null,
      userId: input.userId ?? null,
      purposeId: purpose.id,
      purpose: input.purposeWords ? await sealPurposeWords(ctx, c.id, id, input.purposeWords) : null,
      sections: input.sections,
      legalBasis: input.legalBasis,
      expiresAt: input.expiresAt,
      consentId: input.legalBasis === 'consent' ? input.consentId! : null,
      consentPurpose: input.legalBasis === 'consent' ? input.consentPurpose! : null,
      createdAt: now,
      createdById: ctx.user.id,
    },
    select: disclosureSelect,
  });
  const d = { ...stored, purpose: input.purposeWords ?? null };
  const detail = disclosureDetail(d);
  await recordEvent(ctx, c, 'disclose', detail);
  ctx.audit.purpose(purpose.code).detail(detail);
  return d;
}

/**
 * A revocation's words, under the case's key, bound to the disclosure (cases/read.ts opens them). The
 * consent sweep's reasons (consent/end.ts) are codes, not words, and stay as they are.
 */
export const REVOKE_REASON_FIELD = 'disclosure.revoke_reason';

/** Coordinator: ends a disclosure at once; the recipient's next request no longer sees the case. */
export async function revokeDisclosure(ctx: ServiceContext, input: z.infer<typeof RevokeDisclosureInput>) {
  assertCan(ctx.ability, 'manage:team', 'Case');
  const d = await ctx.db.disclosure.findFirst({
    where: { id: input.id, case: { is: accessibleBy(ctx.ability, 'manage:team').ofType('Case') } },
    select: revocableSelect,
  });
  if (!d) throw notFound('Disclosure', input.id);
  const done = await writeRevocation(ctx, d, { words: input.reason });
  if (!done) throw new AppError('CONFLICT', { fields: { id: 'ALREADY_REVOKED' } });
  ctx.audit.subject('Case', d.caseId).purpose(d.listedPurpose.code).detail(done.detail);
  return { id: d.id, revokedAt: done.revokedAt };
}

/** What a revocation reads of the disclosure it ends. */
export const revocableSelect = { ...disclosureSelect, municipalityId: true } satisfies Prisma.DisclosureSelect;
export type Revocable = Prisma.DisclosureGetPayload<{ select: typeof revocableSelect }>;

/**
 * The write of a revocation, whoever ends the disclosure: revoked now by the user, with the coordinator's
 * words (sealed under the case's key) or a code for the timeline to translate (`transferred`: the case left
 * the city, transfers/leave.ts), and the case's `revoke` timeline entry. Returns the audit detail, or null
 * when the disclosure was no longer live (a concurrent revocation).
 */
export async function writeRevocation(ctx: ServiceContext, d: Revocable, reason: { words: string } | { code: 'transferred' }) {
  const now = ctx.clock();
  const { count } = await ctx.db.disclosure.updateMany({
    where: { id: d.id, municipalityId: d.municipalityId, revokedAt: null },
    data: {
      revokedAt: now,
      revokedById: ctx.user.id,
      revokeReason:
        'words' in reason ? await sealText(ctx, { kind: 'case', id: d.caseId }, REVOKE_REASON_FIELD, d.id, reason.words) : reason.code,
    },
  });
  if (count === 0) return null;
  const detail = disclosureDetail(d);
  const why = 'words' in reason ? { reason: reason.words } : { ended: reason.code };
  await recordEvent(ctx, { id: d.caseId, municipalityId: d.municipalityId }, 'revoke', { ...detail, ...why });
  return { detail, revokedAt: now };
}

/** The new key worker (unless they assigned themselves) and a new lead agency's practitioners are alerted. */
async function alertAssignment(
  ctx: ServiceContext,
  c: { id: string; municipalityId: string; reference: string },
  changes: readonly (readonly [string, string | null, string | null | undefined])[],
) {
  const event = { municipalityId: c.municipalityId, kind: 'assigned' as const, entityType: 'Case', entityId: c.id, reference: c.reference };
  const to = new Set<string>();
  for (const [role, , id] of changes) {
    if (role === 'keyWorker' && id) to.add(id);
    if (role === 'leadAgency' && id) for (const u of await agencyPractitionerIds(ctx.db, c.municipalityId, id)) to.add(u);
  }
  to.delete(ctx.user.id);
  await enqueueAlerts(ctx.db, ctx.clock(), event, [...to]);
}
