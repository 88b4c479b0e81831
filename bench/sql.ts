/**
 * The authorised case list as one hand-written statement per role: what the procedure returns (50
 * rows, a stage filter, newest first, with person, key worker and lead agency, and whether the summary
 * is readable). A coordinator sees the whole municipality; a practitioner the cases with a live
 * disclosure to their agency or to them, and the summary where such a disclosure includes it. Each
 * role gets its own text, as the procedure sends its own: a catch-all `$3 IS NULL OR EXISTS (…)`
 * kept PostgreSQL from turning the EXISTS into a semi-join, so it hashed every live disclosure of
 * the agency on each call (61 ms at 100k cases instead of a few). L0–L2 of the benchmark run this.
 */
const COLUMNS = `c.id, c.reference, c.stage, c.cohort, c.opened_at, c.updated_at,
       p.name_arabic, p.name_latin, k.id AS key_worker_id, k.display_name AS key_worker_name,
       a.id AS lead_agency_id, a.name AS lead_agency_name`;
const JOINS = `FROM case_record c
  JOIN person p ON p.id = c.person_id
  LEFT JOIN app_user k ON k.id = c.key_worker_id
  LEFT JOIN agency a ON a.id = c.lead_agency_id`;
const PAGE = `AND ($2::text IS NULL OR c.stage = $2::"CaseStage")
   AND ($3::timestamptz IS NULL OR (c.opened_at, c.id) < ($3::timestamptz, $4::uuid))
 ORDER BY c.opened_at DESC, c.id DESC
 LIMIT 51`;
const COORDINATOR_SQL = `
SELECT ${COLUMNS}, true AS summary_visible
  ${JOINS}
 WHERE c.municipality_id = $1::uuid
   ${PAGE}`;

// Listed: a live disclosure to the user or their active agency (EXISTS, a semi-join). Summary: one of them includes
// it, asked per listed row as a scalar subquery (an EXISTS there would be hashed over every disclosure of the agency).
const toMe = `FROM disclosure d LEFT JOIN agency da ON da.id = d.agency_id
                 WHERE d.case_id = c.id AND d.revoked_at IS NULL AND d.expires_at > now()
                   AND (d.user_id = $5::uuid OR (d.agency_id = $6::uuid AND da.active))`;
const PRACTITIONER_SQL = `
SELECT ${COLUMNS},
       coalesce((SELECT bool_or('summary' = ANY (d.sections)) ${toMe}), false) AS summary_visible
  ${JOINS}
 WHERE c.municipality_id = $1::uuid
   AND EXISTS (SELECT 1 ${toMe})
   ${PAGE}`;

export interface ListParams {
  municipalityId: string;
  stage: string | null;
  /** Set for a practitioner: only cases disclosed to this user or agency. */
  userId: string | null;
  agencyId: string | null;
  cursor?: { at: string; id: string } | null;
}

/** The statement for this user: the coordinator's (no user) or the practitioner's. */
export const caseListSql = (p: Pick<ListParams, 'userId'>) => (p.userId ? PRACTITIONER_SQL : COORDINATOR_SQL);

export const caseListParams = (p: ListParams) => [
  p.municipalityId,
  p.stage,
  p.cursor?.at ?? null,
  p.cursor?.id ?? null,
  ...(p.userId ? [p.userId, p.agencyId] : []),
];

/** The same row the app's referrals.create writes, as a plain INSERT. */
export const PLAIN_REFERRAL_SQL = `
INSERT INTO referral (id, municipality_id, person_id, referrer_id, referrer_agency_id, cohort, source, concern_categories, concern_text,
                      urgency, consent_given, legal_basis, legal_justification, status, submitted_at)
VALUES (gen_random_uuid(), $1, $2, $3, NULL, 'youth', 'school', '{isolation}', $4, 'routine', false, 'public_task', $5, 'submitted', now())
RETURNING id, person_id, status, submitted_at`;
