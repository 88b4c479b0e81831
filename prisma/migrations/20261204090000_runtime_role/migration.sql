-- The server's database role owns nothing and cannot rewrite history.
--
-- Migrations run as the owner of the schema (MIGRATION_DATABASE_URL, or the embedded server's owner role);
-- the server runs as a member of "jisr_app", a role with the privileges below and no others. A deployment
-- makes its own login role and grants it: CREATE ROLE jisr_runtime LOGIN PASSWORD '…' IN ROLE jisr_app.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    CREATE ROLE jisr_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

-- Casework tables: read and write. The audit log and its chain heads: read only; new events go through
-- audit_append() below, which runs with its owner's rights and is the only way in.
GRANT USAGE ON SCHEMA public TO jisr_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO jisr_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO jisr_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_event", "audit_chain_head" FROM jisr_app;
REVOKE ALL ON SEQUENCE "audit_event_id_seq" FROM jisr_app;
REVOKE ALL ON "_prisma_migrations" FROM jisr_app;
GRANT SELECT ON "_prisma_migrations" TO jisr_app;
-- Tables the owner creates in later migrations get the same casework rights (audit tables revoke theirs).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jisr_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO jisr_app;

-- The chain heads only move forward, one writer at a time, and are never removed: a second layer for
-- the owner's own sessions (the server cannot write them at all).
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.chain = OLD.chain AND NEW.seq >= OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON "audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();

-- Where each chain's hashes start covering the event id: the events already written keep the earlier
-- definitions, which verify accepts only below this seq; a chain begun later has no row and covers the id
-- from its first event. The server may read it, never write it.
CREATE TABLE "audit_hash_epoch" ("chain" TEXT PRIMARY KEY, "id_covered_from" INTEGER NOT NULL);
INSERT INTO "audit_hash_epoch" ("chain", "id_covered_from") SELECT "chain", "seq" + 1 FROM "audit_chain_head";
REVOKE ALL ON "audit_hash_epoch" FROM jisr_app;
GRANT SELECT ON "audit_hash_epoch" TO jisr_app;

-- The link now covers the event's id too (two events' ids can no longer be swapped unnoticed):
--   hash = hex(sha256(prev_hash || ':' || seq || ':' || id || ':' || digest))
-- SECURITY DEFINER: the caller needs no right on the audit tables, only EXECUTE on this function.
CREATE OR REPLACE FUNCTION audit_append(p_events jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_chain text;
  v_seq integer;
  v_hash text;
  v_id bigint;
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
      -- An event goes on its own municipality's chain (or "system"), never on another town's.
      IF v_chain <> coalesce(e->>'municipalityId', 'system') THEN
        RAISE EXCEPTION 'audit_append: an event on the chain of another municipality';
      END IF;
      v_seq := v_seq + 1;
      v_id := nextval('audit_event_id_seq');
      INSERT INTO audit_event (id, chain, seq, at, municipality_id, actor_id, actor_role, action, entity_type, entity_id,
                               outcome, purpose, request_id, ip, detail, prev_hash, hash)
      VALUES (v_id, v_chain, v_seq, (e->>'at')::timestamptz, (e->>'municipalityId')::uuid, (e->>'actorId')::uuid,
              (e->>'actorRole')::"Role", e->>'action', e->>'entityType', e->>'entityId', (e->>'outcome')::"AuditOutcome",
              e->>'purpose', e->>'requestId', e->>'ip', NULLIF(e->'detail', 'null'::jsonb), v_hash,
              encode(sha256(convert_to(v_hash || ':' || v_seq::text || ':' || v_id::text || ':' || (e->>'digest'), 'UTF8')), 'hex'))
      RETURNING hash INTO v_hash;
      v_count := v_count + 1;
    END LOOP;
    UPDATE audit_chain_head SET seq = v_seq, hash = v_hash WHERE chain = v_chain;
  END LOOP;
  RETURN v_count;
END;
$$;
REVOKE ALL ON FUNCTION audit_append(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(jsonb) TO jisr_app;
