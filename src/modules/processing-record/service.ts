import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import { COHORTS, LEGAL_BASES, type LegalBasis } from '../../shared/vocabulary.js';
import { liveConsent } from '../consent/fields.js';
import { purposeSelect } from '../purposes/service.js';

/** What Jisr holds, by category (the schema's; the page names each in the reader's language). */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'household',
  'concern',
  'case_work',
  'assessments',
  'consent',
  'disclosures',
  'staff_accounts',
  'audit_log',
] as const;

/** About whom: the people referred (by cohort), their guardians and relatives, the staff who use it. */
export const SUBJECT_CATEGORIES = [...COHORTS.map((c) => `cohort_${c}` as const), 'guardians', 'household_members', 'staff'] as const;

/** Tables other parts of issue 14 add: read when present, so the record says "not configured" otherwise. */
async function tableExists(ctx: ServiceContext, table: string) {
  const rows = await ctx.db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass(${table}) IS NOT NULL AS present`;
  return rows[0]?.present === true;
}

/** The retention rules of the municipality, if the retention module's table exists and holds any. */
async function retentionRules(ctx: ServiceContext) {
  if (!(await tableExists(ctx, 'retention_rule'))) return null;
  const rows = await ctx.db.$queryRaw<{ record_type: string; months: number; legal_reference: string }[]>`
    SELECT record_type::text, months, legal_reference FROM retention_rule
    WHERE municipality_id = ${ctx.user.municipalityId}::uuid ORDER BY record_type`;
  return rows.length ? rows.map((r) => ({ recordType: r.record_type, months: r.months, legalReference: r.legal_reference })) : null;
}

/** Whether records have their own data keys (crypto-shredding), if that table exists. */
const recordKeys = (ctx: ServiceContext) => tableExists(ctx, 'data_key');

/**
 * The record of processing of the user's municipality, made from the live configuration: the controller,
 * categories of data and of people, the purposes of the list, the legal bases in use (live disclosures
 * and consents), the recipients (agencies with live disclosures, counted: no person named), the
 * retention rules and the security measures. Counts only, never personal data. Audited with the counts.
 */
export async function processingRecord(ctx: ServiceContext) {
  assertCan(ctx.ability, 'declare', 'Municipality');
  const municipalityId = ctx.user.municipalityId;
  const now = ctx.clock();
  const live = { revokedAt: null, expiresAt: { gt: now } };
  const [town, purposes, byPurpose, byBasis, byAgency, namedStaff, consents] = await Promise.all([
    ctx.db.municipality.findUniqueOrThrow({
      where: { id: municipalityId },
      select: { name: true, country: true, code: true, timeZone: true, secondFactorRoles: true },
    }),
    ctx.db.disclosurePurpose.findMany({ where: { municipalityId }, select: purposeSelect, orderBy: [{ code: 'asc' }, { labelEn: 'asc' }] }),
    ctx.db.disclosure.groupBy({ by: ['purposeId'], where: { ...live, municipalityId }, _count: { _all: true } }),
    ctx.db.disclosure.groupBy({ by: ['legalBasis'], where: { ...live, municipalityId }, _count: { _all: true } }),
    ctx.db.disclosure.groupBy({ by: ['agencyId'], where: { ...live, municipalityId, agencyId: { not: null } }, _count: { _all: true } }),
    ctx.db.disclosure.count({ where: { ...live, municipalityId, userId: { not: null } } }),
    ctx.db.consent.count({ where: { municipalityId, ...liveConsent(now) } }),
  ]);
  const agencies = await ctx.db.agency.findMany({
    where: { municipalityId, id: { in: byAgency.map((a) => a.agencyId!) } },
    select: { id: true, name: true, kind: true },
    orderBy: { name: 'asc' },
  });
  const countOf = <K extends string>(rows: ({ _count: { _all: number } } & Record<K, unknown>)[], key: K, value: unknown) =>
    rows.find((r) => r[key] === value)?._count._all ?? 0;
  const record = {
    generatedAt: now,
    controller: { name: town.name, country: town.country, code: town.code, timeZone: town.timeZone },
    dataCategories: [...DATA_CATEGORIES],
    subjectCategories: [...SUBJECT_CATEGORIES],
    purposes: purposes.map((p) => ({ ...p, liveDisclosures: countOf(byPurpose, 'purposeId', p.id) })),
    legalBases: LEGAL_BASES.map((basis: LegalBasis) => ({ basis, liveDisclosures: countOf(byBasis, 'legalBasis', basis) })).filter(
      (b) => b.liveDisclosures > 0 || (b.basis === 'consent' && consents > 0),
    ),
    liveConsents: consents,
    recipients: agencies.map((a) => ({ ...a, liveDisclosures: countOf(byAgency, 'agencyId', a.id) })),
    namedStaffDisclosures: namedStaff,
    retention: await retentionRules(ctx),
    security: {
      encryption: 'AES-256-GCM',
      keyVersion: ctx.keyring.current,
      rowBound: true,
      recordKeys: await recordKeys(ctx),
      auditChain: true,
      signedCheckpoints: Boolean(ctx.anchoring),
      secondFactorRoles: town.secondFactorRoles,
      sessionIdleMinutes: Math.round(ctx.config.session.idleMs / 60_000),
      sessionAbsoluteHours: Math.round(ctx.config.session.absoluteMs / 3_600_000),
      secureCookies: ctx.config.secureCookies,
    },
  };
  ctx.audit.subject('Municipality', municipalityId).detail({
    purposes: record.purposes.length,
    recipients: record.recipients.length,
    liveDisclosures: byBasis.reduce((n, b) => n + b._count._all, 0),
    retentionConfigured: record.retention !== null,
  });
  return record;
}
