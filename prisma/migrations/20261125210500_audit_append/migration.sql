-- Appends a flush's audit events to their hash chains in ONE statement, so a chain head is locked
-- only from this statement to COMMIT (not across several round trips).
--
-- p_events: a JSON array of events in order, each
--   { chain, at, municipalityId, actorId, actorRole, action, entityType, entityId, outcome, purpose,
--     requestId, ip, detail, digest }
-- where digest is the hex sha256 of the event's canonical content, computed by the app
-- (src/audit/hash.ts: contentDigest). For each chain, in a fixed order (so two writers cannot
-- deadlock), the head is locked (created at seq 0 with the genesis hash if absent), each event gets
-- the next seq and
--   hash = hex(sha256(prev_hash || ':' || seq || ':' || digest))
-- and the head moves to the last event. Returns how many events were appended.
CREATE FUNCTION audit_append(p_events jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_chain text;
  v_seq integer;
  v_hash text;
  v_count integer := 0;
  e jsonb;
BEGIN
  FOR v_chain IN
    SELECT DISTINCT (x->>'chain') COLLATE "C" AS chain FROM jsonb_array_elements(p_events) AS x ORDER BY 1
  LOOP
    IF v_chain IS NULL THEN
      RAISE EXCEPTION 'audit_append: an event without a chain';
    END IF;
    SELECT h.seq, h.hash INTO v_seq, v_hash FROM audit_chain_head h WHERE h.chain = v_chain FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO audit_chain_head (chain, seq, hash) VALUES (v_chain, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
      SELECT h.seq, h.hash INTO STRICT v_seq, v_hash FROM audit_chain_head h WHERE h.chain = v_chain FOR UPDATE;
    END IF;
    FOR e IN
      SELECT a.x FROM jsonb_array_elements(p_events) WITH ORDINALITY AS a(x, n) WHERE a.x->>'chain' = v_chain ORDER BY a.n
    LOOP
      IF coalesce(e->>'digest', '') !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'audit_append: an event without a valid digest';
      END IF;
      v_seq := v_seq + 1;
      INSERT INTO audit_event (chain, seq, at, municipality_id, actor_id, actor_role, action, entity_type, entity_id,
                               outcome, purpose, request_id, ip, detail, prev_hash, hash)
      VALUES (v_chain, v_seq, (e->>'at')::timestamptz, (e->>'municipalityId')::uuid, (e->>'actorId')::uuid,
              (e->>'actorRole')::"Role", e->>'action', e->>'entityType', e->>'entityId', (e->>'outcome')::"AuditOutcome",
              e->>'purpose', e->>'requestId', e->>'ip', NULLIF(e->'detail', 'null'::jsonb), v_hash,
              encode(sha256(convert_to(v_hash || ':' || v_seq::text || ':' || (e->>'digest'), 'UTF8')), 'hex'))
      RETURNING hash INTO v_hash;
      v_count := v_count + 1;
    END LOOP;
    UPDATE audit_chain_head SET seq = v_seq, hash = v_hash WHERE chain = v_chain;
  END LOOP;
  RETURN v_count;
END;
$$;
