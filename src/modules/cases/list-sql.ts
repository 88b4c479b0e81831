import { Prisma } from '../../generated/prisma/client.js';
import { rawQuery } from '../../db.js';
import type { ServiceContext } from '../../service.js';
import type { CaseStage, Cohort } from '../../generated/prisma/enums.js';
import { liveDisclosureTo } from './policy.js';

/**
 * The case list's most common page (a stage or none, newest first) as one hand-written statement, for
 * the two rule sets it is asked under most: a coordinator's (the whole municipality) and a practitioner's
 * (a live disclosure to them or their active agency). Prisma's query compiler cost about as much as the
 * statement itself on every call (issue 17). It is used only when the request's compiled CASL rules are
 * exactly those (listRule): any other rule, added later or for another role, takes the Prisma query.
 */
export interface ListSqlRow {
  id: string;
  reference: string;
  stage: CaseStage;
  cohort: Cohort;
  openedAt: Date;
  updatedAt: Date;
  personId: string;
  person: { nameArabic: string | null; nameLatin: string | null };
  keyWorker: { id: string; displayName: string } | null;
  leadAgency: { id: string; name: string } | null;
  summaryVisible: boolean;
}

export type ListRule = { kind: 'municipality' } | { kind: 'disclosed'; now: Date };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Which statement the compiled rules (Prisma where, from accessibleBy) are, or null. The disclosure
 * rules are rebuilt with the policy's own function at the instant the ability fixed, and compared whole.
 */
export function listRule(ctx: Pick<ServiceContext, 'user'>, listReadable: unknown, summaryReadable: unknown): ListRule | null {
  const own = ctx.user.municipalityId;
  if (same(listReadable, { OR: [{ municipalityId: own }] }) && same(summaryReadable, listReadable)) return { kind: 'municipality' };
  const at = (listReadable as { OR?: { disclosures?: { some?: { expiresAt?: { gt?: unknown } } } }[] }).OR?.[0]?.disclosures?.some
    ?.expiresAt?.gt;
  if (!(at instanceof Date)) return null;
  const disclosed = (section?: 'summary') => ({
    OR: [{ municipalityId: own, disclosures: { some: liveDisclosureTo(ctx.user, at, section) } }],
  });
  return same(listReadable, disclosed()) && same(summaryReadable, disclosed('summary')) ? { kind: 'disclosed', now: at } : null;
}

/** One page (and one row more) of the cases the rule lets the user see. */
export async function listSqlPage(
  ctx: Pick<ServiceContext, 'db' | 'user'>,
  rule: ListRule,
  page: { stage?: CaseStage; cursor?: { at: Date; id: string }; take: number },
): Promise<ListSqlRow[]> {
  const town = ctx.user.municipalityId;
  const toMe = (now: Date) => Prisma.sql`FROM disclosure d LEFT JOIN agency da ON da.id = d.agency_id
      WHERE d.case_id = c.id AND d.revoked_at IS NULL AND d.expires_at > ${now}::timestamptz
        AND (d.user_id = ${ctx.user.id}::uuid OR (d.agency_id = ${ctx.user.agencyId}::uuid AND da.active))`;
  // Listed: an EXISTS (a semi-join). Summary: asked per listed row (an EXISTS there would be hashed over every disclosure).
  const summary =
    rule.kind === 'municipality'
      ? Prisma.sql`true`
      : Prisma.sql`coalesce((SELECT bool_or('summary' = ANY (d.sections)) ${toMe(rule.now)}), false)`;
  const reach = rule.kind === 'municipality' ? Prisma.empty : Prisma.sql`AND EXISTS (SELECT 1 ${toMe(rule.now)})`;
  const stage = page.stage ? Prisma.sql`AND c.stage = ${page.stage}::"CaseStage"` : Prisma.empty;
  const cursor = page.cursor
    ? Prisma.sql`AND (c.opened_at, c.id) < (${page.cursor.at}::timestamptz, ${page.cursor.id}::uuid)`
    : Prisma.empty;
  const rows = await rawQuery<Record<string, unknown>>(
    ctx.db,
    Prisma.sql`
    SELECT c.id::text, c.reference, c.stage::text, c.cohort::text, c.opened_at, c.updated_at, c.person_id::text,
           p.name_arabic, p.name_latin, k.id::text AS key_worker_id, k.display_name AS key_worker_name,
           a.id::text AS lead_agency_id, a.name AS lead_agency_name, ${summary} AS summary_visible
    FROM case_record c
    JOIN person p ON p.id = c.person_id
    LEFT JOIN app_user k ON k.id = c.key_worker_id
    LEFT JOIN agency a ON a.id = c.lead_agency_id
    WHERE c.municipality_id = ${town}::uuid ${reach} ${stage} ${cursor}
    ORDER BY c.opened_at DESC, c.id DESC
    LIMIT ${page.take}::int`,
    { prepared: true },
  );
  return rows.map((r) => ({
    id: r.id as string,
    reference: r.reference as string,
    stage: r.stage as CaseStage,
    cohort: r.cohort as Cohort,
    openedAt: new Date(r.opened_at as Date),
    updatedAt: new Date(r.updated_at as Date),
    personId: r.person_id as string,
    person: { nameArabic: r.name_arabic as string | null, nameLatin: r.name_latin as string | null },
    keyWorker: r.key_worker_id ? { id: r.key_worker_id as string, displayName: r.key_worker_name as string } : null,
    leadAgency: r.lead_agency_id ? { id: r.lead_agency_id as string, name: r.lead_agency_name as string } : null,
    summaryVisible: r.summary_visible === true,
  }));
}
