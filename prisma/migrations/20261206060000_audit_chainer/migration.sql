-- Issue 17: an append that does not hold the chain head across a commit.
--
-- audit_append() locks the municipality's chain head from its statement to COMMIT, so every audited
-- call of a town waits for the one before it to reach the disk: one WAL flush at a time, never grouped.
-- A call that commits on its own (a read, a denial, a write that carries its events in one statement)
-- now stages its events instead: audit_stage() checks them as audit_append() does and inserts them here,
-- under no lock, so their commits flush together. audit_link() then takes each chain head and moves the
-- staged events onto the chain, call by call in the order they staged, hashed exactly as audit_append() hashes them: one
-- linker's transaction links every event committed before it, so the flushes of the chain are shared.
-- The app waits for a link that began after its own commit before it answers (audit/chainer.ts), so an
-- answered call's events are on the chain; a call cut off between the two leaves them here, durable,
-- and the next link (any audited read, or verify) chains them. Verify reports any staged for long.
-- Transactions keep audit_append(): their events must commit with their work and under its lock order.

-- One number per staging call: a call's events go onto the chain together, in their order.
CREATE SEQUENCE "audit_pending_call_seq";

CREATE TABLE "audit_pending" (
    -- The event's id, taken now from the events' own sequence and kept on the chain.
    "id" BIGINT NOT NULL DEFAULT nextval('audit_event_id_seq'),
    "call" BIGINT NOT NULL,
    "chain" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "municipality_id" UUID,
    "actor_id" UUID,
    "actor_role" "Role",
    "action" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "purpose" TEXT,
    "request_id" TEXT,
    "ip" TEXT,
    "detail" JSONB,
    "digest" TEXT NOT NULL,
    "staged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),

    CONSTRAINT "audit_pending_pkey" PRIMARY KEY ("id"),
    -- What audit_event would refuse is refused here, when the call can still fail: a link never does.
    CONSTRAINT "audit_pending_digest" CHECK ("digest" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "audit_pending_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT,
    CONSTRAINT "audit_pending_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT
);
CREATE INDEX "audit_pending_chain_call_id_idx" ON "audit_pending" ("chain", "call", "id");

-- Checks and stages the events (audit_append's argument); returns how many. No lock is taken.
CREATE FUNCTION audit_stage(p_events jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_count integer;
  v_call bigint := nextval('audit_pending_call_seq');
BEGIN
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_events) AS x WHERE x->>'chain' IS NULL) THEN
    RAISE EXCEPTION 'audit_stage: an event without a chain';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_events) AS x WHERE coalesce(x->>'digest', '') !~ '^[0-9a-f]{64}$') THEN
    RAISE EXCEPTION 'audit_stage: an event without a valid digest';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_events) AS x WHERE x->>'chain' <> coalesce(x->>'municipalityId', 'system')) THEN
    RAISE EXCEPTION 'audit_stage: an event on the chain of another municipality';
  END IF;
  INSERT INTO audit_pending (call, chain, at, municipality_id, actor_id, actor_role, action, entity_type, entity_id, outcome, purpose,
                             request_id, ip, detail, digest)
  SELECT v_call, e->>'chain', (e->>'at')::timestamptz, (e->>'municipalityId')::uuid, (e->>'actorId')::uuid, (e->>'actorRole')::"Role",
         e->>'action', e->>'entityType', e->>'entityId', (e->>'outcome')::"AuditOutcome", e->>'purpose', e->>'requestId', e->>'ip',
         NULLIF(e->'detail', 'null'::jsonb), e->>'digest'
  FROM jsonb_array_elements(p_events) WITH ORDINALITY AS a(e, n)
  ORDER BY a.n;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
$$;

-- Moves every staged event it sees onto its chain, chain by chain (in one order, as audit_append locks
-- them), call by call in the order they staged, each call's events in their order; returns how many. A second linker waits on the head and finds them moved.
CREATE FUNCTION audit_link() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_chain text;
  v_seq integer;
  v_hash text;
  v_next text;
  v_count integer := 0;
  r audit_pending%ROWTYPE;
BEGIN
  FOR v_chain IN SELECT DISTINCT p.chain COLLATE "C" FROM audit_pending p ORDER BY 1
  LOOP
    SELECT h.seq, h.hash INTO v_seq, v_hash FROM audit_chain_head h WHERE h.chain = v_chain FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO audit_chain_head (chain, seq, hash) VALUES (v_chain, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
      SELECT h.seq, h.hash INTO STRICT v_seq, v_hash FROM audit_chain_head h WHERE h.chain = v_chain FOR UPDATE;
    END IF;
    FOR r IN
      WITH taken AS (DELETE FROM audit_pending p WHERE p.chain = v_chain RETURNING p.*) SELECT * FROM taken ORDER BY taken.call, taken.id
    LOOP
      v_seq := v_seq + 1;
      v_next := encode(sha256(convert_to(v_hash || ':' || v_seq::text || ':' || r.id::text || ':' || r.digest, 'UTF8')), 'hex');
      INSERT INTO audit_event (id, chain, seq, at, municipality_id, actor_id, actor_role, action, entity_type, entity_id,
                               outcome, purpose, request_id, ip, detail, prev_hash, hash)
      VALUES (r.id, v_chain, v_seq, r.at, r.municipality_id, r.actor_id, r.actor_role, r.action, r.entity_type, r.entity_id,
              r.outcome, r.purpose, r.request_id, r.ip, r.detail, v_hash, v_next);
      v_hash := v_next;
      v_count := v_count + 1;
    END LOOP;
    -- A chain whose staged events another linker moved meanwhile: nothing to write.
    IF v_seq > (SELECT h.seq FROM audit_chain_head h WHERE h.chain = v_chain) THEN
      UPDATE audit_chain_head SET seq = v_seq, hash = v_hash WHERE chain = v_chain;
    END IF;
  END LOOP;
  RETURN v_count;
END;
$$;

REVOKE ALL ON FUNCTION audit_stage(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_link() FROM PUBLIC;
REVOKE ALL ON SEQUENCE "audit_pending_call_seq" FROM PUBLIC;
-- The server stages and links through the functions, and reads the staged events (verify counts them); it
-- never writes them directly.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT EXECUTE ON FUNCTION audit_stage(jsonb) TO jisr_app;
    GRANT EXECUTE ON FUNCTION audit_link() TO jisr_app;
    REVOKE ALL ON "audit_pending" FROM jisr_app;
    REVOKE ALL ON SEQUENCE "audit_pending_call_seq" FROM jisr_app;
    GRANT SELECT ON "audit_pending" TO jisr_app;
  END IF;
END $$;
