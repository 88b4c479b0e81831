import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { openText, openWords, sealText, type KeyContext } from '../../crypto/envelope.js';
import { CONSENT_SCOPE_FIELD } from '../referrals/consent.js';
import { CONSENT_DEFAULT_MONTHS, CONSENT_MAX_MONTHS } from '../../shared/vocabulary.js';
import { findCase, recordEvent } from '../cases/access.js';
import { endDisclosures } from './end.js';
import { GIVER_NAME_FIELD, SCOPE_FIELD, consentSelect, giverNameAad, scopeAad, statusOf, type ConsentRow } from './fields.js';
import type { RecordConsent, RenewConsent } from './schema.js';

const monthsAfter = (d: Date, months: number) => {
  const later = new Date(d);
  later.setUTCMonth(later.getUTCMonth() + months);
  return later;
};

const bad = (fields: Record<string, string>) => new AppError('BAD_INPUT', { fields });

/** The rules that need the clock and the database: dates, and recipients that are the municipality's agencies. */
async function check(ctx: ServiceContext, input: RecordConsent, now: Date) {
  if (input.givenAt > now) throw bad({ givenAt: 'in_future' });
  const expiresAt = input.expiresAt ?? monthsAfter(input.givenAt, CONSENT_DEFAULT_MONTHS);
  if (expiresAt <= now) throw bad({ expiresAt: 'too_small' });
  if (expiresAt > monthsAfter(input.givenAt, CONSENT_MAX_MONTHS)) throw bad({ expiresAt: 'too_big' });
  const agencyIds = input.anyPartner ? [] : input.agencyIds;
  if (agencyIds.length > 0) {
    // Partner agencies of the case's municipality (a key worker may name them without managing them).
    const found = await ctx.db.agency.count({ where: { id: { in: agencyIds }, municipalityId: ctx.user.municipalityId, active: true } });
    if (found !== agencyIds.length) throw bad({ agencyIds: 'NOT_FOUND' });
  }
  return { expiresAt, agencyIds };
}

/** What the form and history show of a consent: its free text decrypted, and where it stands now. */
export async function present(
  ctx: KeyContext,
  c: ConsentRow & { referral?: { id: string; consentScope: string | null } | null },
  now: Date,
) {
  const { referral, ...row } = c;
  return {
    ...row,
    giverName: await openText(ctx, GIVER_NAME_FIELD, c.id, c.giverName, giverNameAad(c.id)),
    // A consent carried over from a referral keeps its scope text where the referrer wrote it.
    scope: c.scope
      ? await openText(ctx, SCOPE_FIELD, c.id, c.scope, scopeAad(c.id))
      : referral
        ? await openWords(ctx, CONSENT_SCOPE_FIELD, referral.id, referral.consentScope)
        : null,
    status: statusOf(c, now),
  };
}

async function insert(ctx: ServiceContext, c: { id: string; municipalityId: string }, input: RecordConsent, renewsId: string | null) {
  const now = ctx.clock();
  const { expiresAt, agencyIds } = await check(ctx, input, now);
  const id = randomUUID();
  // The guardian's name is about the person (under their key), the scope about this case's consent.
  const { personId } = await ctx.db.case.findFirstOrThrow({
    where: { id: c.id, municipalityId: c.municipalityId },
    select: { personId: true },
  });
  const row = await ctx.db.consent.create({
    data: {
      id,
      municipalityId: c.municipalityId,
      caseId: c.id,
      givenBy: input.givenBy,
      giverName:
        input.givenBy === 'guardian' ? await sealText(ctx, { kind: 'person', id: personId }, GIVER_NAME_FIELD, id, input.giverName!) : null,
      relationship: input.givenBy === 'guardian' ? input.relationship! : null,
      purposes: input.purposes,
      anyPartner: input.anyPartner,
      agencyIds,
      method: input.method,
      formReference: input.method === 'written' ? input.formReference! : null,
      givenAt: input.givenAt,
      expiresAt,
      scope: input.scope ? await sealText(ctx, { kind: 'case', id: c.id }, SCOPE_FIELD, id, input.scope) : null,
      recordedById: ctx.user.id,
      recordedAt: now,
      renewsId,
    },
    select: consentSelect,
  });
  const detail = {
    consentId: id,
    givenBy: row.givenBy,
    purposes: row.purposes,
    anyPartner: row.anyPartner,
    agencyIds: row.agencyIds,
    method: row.method,
    expiresAt: expiresAt.toISOString(),
    ...(renewsId ? { renewsId } : {}),
  };
  await recordEvent(ctx, c, 'consent', { recorded: true, ...detail });
  ctx.audit.detail(detail);
  return await present(ctx, row, now);
}

/**
 * The case a consent is written on, if the user may: one retention anonymised is past consenting (its
 * person's details and key are destroyed), so recording, renewing or withdrawing is CASE_ANONYMISED.
 */
export async function caseForConsent(ctx: ServiceContext, caseId: string) {
  const { anonymisedAt, ...c } = await findCase(ctx, caseId, 'consent', { id: true, municipalityId: true, anonymisedAt: true });
  if (anonymisedAt) throw new AppError('CASE_ANONYMISED', { entity: { type: 'Case', id: c.id } });
  return c;
}

/** Key worker or coordinator: records a consent the person (or their guardian) gave. */
export async function recordConsent(ctx: ServiceContext, input: RecordConsent) {
  const c = await caseForConsent(ctx, input.caseId);
  return insert(ctx, c, input, null);
}

/**
 * Key worker or coordinator: a new consent replacing an earlier one of the case, whatever its state (given
 * again after a withdrawal or an expiry, or changed while live). The earlier one ends; its disclosures move
 * to the new one when it still covers them, and end otherwise. Each consent is renewed at most once.
 */
export async function renewConsent(ctx: ServiceContext, input: RenewConsent) {
  const c = await caseForConsent(ctx, input.caseId);
  const now = ctx.clock();
  const { count } = await ctx.db.consent.updateMany({
    where: { id: input.renewsId, caseId: c.id, municipalityId: c.municipalityId, renewedAt: null },
    data: { renewedAt: now },
  });
  if (count === 0) {
    const exists = await ctx.db.consent.count({ where: { id: input.renewsId, caseId: c.id, municipalityId: c.municipalityId } });
    if (!exists) throw new AppError('NOT_FOUND', { entity: { type: 'Consent', id: input.renewsId }, fields: { renewsId: 'NOT_FOUND' } });
    throw new AppError('CONFLICT', { fields: { renewsId: 'ALREADY_RENEWED' } });
  }
  const made = await insert(ctx, c, input, input.renewsId);
  const resting = await ctx.db.disclosure.findMany({
    where: { consentId: input.renewsId, municipalityId: c.municipalityId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, agencyId: true, userId: true, purpose: true, consentPurpose: true, user: { select: { agencyId: true } } },
  });
  const covered = (d: (typeof resting)[number]) => {
    const agency = d.agencyId ?? d.user?.agencyId ?? null;
    return (
      (!d.consentPurpose || made.purposes.includes(d.consentPurpose)) &&
      (made.anyPartner || (agency !== null && made.agencyIds.includes(agency)))
    );
  };
  const moved = resting.filter(covered).map((d) => d.id);
  if (moved.length > 0)
    await ctx.db.disclosure.updateMany({ where: { id: { in: moved }, municipalityId: c.municipalityId }, data: { consentId: made.id } });
  const ended = await endDisclosures(
    ctx.db,
    c,
    resting.filter((d) => !covered(d)).map((d) => d.id),
    now,
    ctx.user.id,
    'consent_renewed',
  );
  ctx.audit.detail({ moved, ended });
  return { ...made, moved: moved.length, ended: ended.length };
}

/** Key worker or coordinator: every consent of the case, newest first, with where each stands; and the agencies to name. */
export async function listConsents(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'consent', { id: true, municipalityId: true });
  const now = ctx.clock();
  const rows = await ctx.db.consent.findMany({
    where: { caseId: c.id, municipalityId: c.municipalityId },
    select: { ...consentSelect, referral: { select: { id: true, consentScope: true } } },
    orderBy: [{ recordedAt: 'desc' }, { givenAt: 'desc' }, { id: 'asc' }],
  });
  // The partner agencies a consent may name: a key worker picks among them without managing agencies.
  const agencies = await ctx.db.agency.findMany({
    where: { municipalityId: ctx.user.municipalityId, active: true },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  ctx.audit.detail({ count: rows.length });
  return { items: await Promise.all(rows.map((r) => present(ctx, r, now))), agencies };
}
