-- Access history (issue 13): which cases, people and referrals each audit event touched, one row per
-- (record, event), so "who has seen this case" is an index range scan, never a scan of JSON.
--
-- The rows are derived from the event itself: the record it is about (entity_type, entity_id) and the
-- records it showed, listed in detail.touched ({"Case": [ids], "Person": [ids], "Referral": [ids]}). Since
-- detail is covered by the event's digest, every link is tamper-evident through the hash chain: it can be
-- recomputed from a verified event. audit_append() and its hash are unchanged.
--
-- They are written by a trigger on audit_event, so by the same statement as the event, whoever inserts
-- it: audit_append() (the server's only way in), and the owner's bulk loads (the scale seed's COPY).

CREATE TABLE "audit_event_entity" (
    "municipality_id" UUID NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,

    CONSTRAINT "audit_event_entity_pkey" PRIMARY KEY ("municipality_id", "entity_type", "entity_id", "event_id")
);

ALTER TABLE "audit_event_entity" ADD CONSTRAINT "audit_event_entity_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "audit_event"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The records an event touched: its own record, and those listed in detail.touched. Only the kinds
-- with an access history, only id-shaped values, only events of a municipality.
CREATE FUNCTION audit_event_touched(p_type text, p_id text, p_detail jsonb)
RETURNS TABLE (entity_type text, entity_id uuid)
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  SELECT DISTINCT l.t, l.i::uuid
  FROM (
    SELECT p_type AS t, p_id AS i
    UNION ALL
    SELECT k.key, v.value #>> '{}'
    FROM jsonb_each(CASE WHEN jsonb_typeof(p_detail -> 'touched') = 'object' THEN p_detail -> 'touched' ELSE '{}'::jsonb END) AS k
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(k.value) = 'array' THEN k.value ELSE '[]'::jsonb END) AS v
  ) AS l
  WHERE l.t IN ('Case', 'Person', 'Referral')
    AND l.i ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
$$;

-- One statement per INSERT (audit_append inserts event by event; a COPY loads many at once).
CREATE FUNCTION audit_event_link() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO audit_event_entity (municipality_id, entity_type, entity_id, event_id)
  SELECT n.municipality_id, x.entity_type, x.entity_id, n.id
  FROM new_events n
  CROSS JOIN LATERAL audit_event_touched(n.entity_type, n.entity_id, n.detail) AS x
  WHERE n.municipality_id IS NOT NULL;
  RETURN NULL;
END;
$$;
CREATE TRIGGER audit_event_links AFTER INSERT ON "audit_event"
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION audit_event_link();

-- Append-only like the events they index: the events' guard, now naming the table it refuses for.
CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_entity_no_update BEFORE UPDATE ON "audit_event_entity"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_entity_no_delete BEFORE DELETE ON "audit_event_entity"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_entity_no_truncate BEFORE TRUNCATE ON "audit_event_entity"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- The events written before: their record, and the ids the reads listed under their older keys.
INSERT INTO audit_event_entity (municipality_id, entity_type, entity_id, event_id)
SELECT e.municipality_id, x.entity_type, x.entity_id, e.id
FROM audit_event e
CROSS JOIN LATERAL audit_event_touched(
  e.entity_type,
  e.entity_id,
  jsonb_build_object('touched', jsonb_build_object(
    'Case', coalesce(e.detail -> 'caseIds', '[]'::jsonb) || CASE WHEN jsonb_typeof(e.detail -> 'caseId') = 'string' THEN jsonb_build_array(e.detail -> 'caseId') ELSE '[]'::jsonb END,
    'Person', CASE WHEN jsonb_typeof(e.detail -> 'personIds') = 'array' THEN e.detail -> 'personIds' ELSE '[]'::jsonb END
              || CASE WHEN jsonb_typeof(e.detail -> 'householdMemberIds') = 'array' THEN e.detail -> 'householdMemberIds' ELSE '[]'::jsonb END,
    'Referral', coalesce(e.detail -> 'referralIds', '[]'::jsonb)
  ))
) AS x
WHERE e.municipality_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- The server reads the links and never writes them (the trigger writes them, as audit_append's owner).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    REVOKE ALL ON "audit_event_entity" FROM jisr_app;
    GRANT SELECT ON "audit_event_entity" TO jisr_app;
  END IF;
END $$;
