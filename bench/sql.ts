/**
 * The authorised case list as one hand-written statement: what the procedure returns (50 rows,
 * a stage filter, newest first, with person, key worker and lead agency, and whether the summary
 * is readable), for a coordinator (the whole municipality) or a practitioner (live disclosures to
 * their agency or to them). L0–L2 of the benchmark run this.
 */
export const CASE_LIST_SQL = `
SELECT c.id, c.reference, c.stage, c.cohort, c.opened_at, c.updated_at,
       p.name_arabic, p.name_latin, k.id AS key_worker_id, k.display_name AS key_worker_name,
       a.id AS lead_agency_id, a.name AS lead_agency_name,
       ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM disclosure d LEFT JOIN agency da ON da.id = d.agency_id
          WHERE d.case_id = c.id AND d.revoked_at IS NULL AND d.expires_at > now() AND 'summary' = ANY (d.sections)
            AND (d.user_id = $3::uuid OR (d.agency_id = $4::uuid AND da.active)))) AS summary_visible
  FROM case_record c
  JOIN person p ON p.id = c.person_id
  LEFT JOIN app_user k ON k.id = c.key_worker_id
  LEFT JOIN agency a ON a.id = c.lead_agency_id
 WHERE c.municipality_id = $1::uuid
   AND ($2::text IS NULL OR c.stage = $2::"CaseStage")
   AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM disclosure d LEFT JOIN agency da ON da.id = d.agency_id
          WHERE d.case_id = c.id AND d.revoked_at IS NULL AND d.expires_at > now()
            AND (d.user_id = $3::uuid OR (d.agency_id = $4::uuid AND da.active))))
   AND ($5::timestamptz IS NULL OR (c.opened_at, c.id) < ($5::timestamptz, $6::uuid))
 ORDER BY c.opened_at DESC, c.id DESC
 LIMIT 51`;

export interface ListParams {
  municipalityId: string;
  stage: string | null;
  /** Set for a practitioner: only cases disclosed to this user or agency. */
  userId: string | null;
  agencyId: string | null;
  cursor?: { at: string; id: string } | null;
}

export const caseListParams = (p: ListParams) => [p.municipalityId, p.stage, p.userId, p.agencyId, p.cursor?.at ?? null, p.cursor?.id ?? null];

/** The same row the app's referrals.create writes, as a plain INSERT. */
export const PLAIN_REFERRAL_SQL = `
INSERT INTO referral (id, municipality_id, person_id, referrer_id, referrer_agency_id, cohort, source, concern_categories, concern_text,
                      urgency, consent_given, legal_basis, legal_justification, status, submitted_at)
VALUES (gen_random_uuid(), $1, $2, $3, NULL, 'youth', 'school', '{isolation}', $4, 'routine', false, 'public_task', $5, 'submitted', now())
RETURNING id, person_id, status, submitted_at`;
