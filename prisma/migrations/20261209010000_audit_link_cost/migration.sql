-- Issue 17: what an audited request costs the database after it has answered (the chainer's link).
-- Measured with pg_stat_statements under the bench's case list at 1M people (4 connections): the link
-- cost ~3.4 ms of database time per request, more than the list's own SQL (0.45 ms).
--
-- 1. Finding the chains with staged events scanned the whole staging table. audit_pending is a queue:
--    rows come and go, so its heap keeps the pages of its busiest moment (31 MB, ~3,900 pages, when
--    empty), and each link read them all (~2 ms). The chains are now found by probing the queue's
--    index once per chain, and the link's DELETE takes the index, whatever the table's statistics
--    (which lag behind a queue) say.
-- 2. The queue is vacuumed after a thousand dead rows rather than a fifth of its (stale) size.
-- 3. The records an event touched were validated with a regular expression, which with the jsonb
--    walk cost ~0.4 ms for the 100 ids a case list shows. The same test is now done by cheaper means
--    (pg_input_is_valid, PostgreSQL 16+; the expression on older servers), and the function is
--    inlined into the trigger's statement (its search path is the trigger's, set below).
-- 4. The links' foreign key to audit_event is dropped: it ran one check per link (100 for a case list)
--    to prove what the trigger guarantees. Links are written only by the trigger on audit_event, from
--    the event's own row, in the statement that inserts it; the server's role cannot write them
--    (tests/audit/runtime-role.test.ts), and audit_event is append-only, so no event a link names can
--    go. Prisma's relation (prisma/schema.prisma) stays: it joins, it does not need the constraint.

CREATE OR REPLACE FUNCTION audit_link() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
-- A queue's statistics say little about what it holds now: the index is always the right path here.
SET enable_seqscan = off AS $$
DECLARE
  v_chains text[];
  v_chain text;
  v_seq integer;
  v_hash text;
  v_next text;
  v_count integer := 0;
  r audit_pending%ROWTYPE;
BEGIN
  -- The chains with staged events: one probe of the index for each (a skip scan), never the heap.
  WITH RECURSIVE c(chain) AS (
    (SELECT p.chain FROM audit_pending p ORDER BY p.chain LIMIT 1)
    UNION ALL
    SELECT (SELECT p.chain FROM audit_pending p WHERE p.chain > c.chain ORDER BY p.chain LIMIT 1) FROM c WHERE c.chain IS NOT NULL
  )
  SELECT array_agg(c.chain) INTO v_chains FROM c WHERE c.chain IS NOT NULL;
  -- In one order, as audit_append locks them.
  FOR v_chain IN SELECT x FROM unnest(v_chains) AS x ORDER BY x COLLATE "C"
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

ALTER TABLE "audit_pending" SET (
  autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000,
  toast.autovacuum_vacuum_scale_factor = 0, toast.autovacuum_vacuum_threshold = 1000
);

-- The same records as before (tests/audit/history.test.ts), without a regular expression per id. No SET
-- clause, so PostgreSQL inlines it into the calling statement, under the caller's search path.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    EXECUTE $f$
      CREATE OR REPLACE FUNCTION audit_event_touched(p_type text, p_id text, p_detail jsonb)
      RETURNS TABLE (entity_type text, entity_id uuid)
      LANGUAGE sql IMMUTABLE AS $b$
        SELECT DISTINCT l.t, l.i::uuid
        FROM (
          SELECT p_type AS t, p_id AS i
          UNION ALL
          SELECT k.key, v.value
          FROM jsonb_each(CASE WHEN jsonb_typeof(p_detail -> 'touched') = 'object' THEN p_detail -> 'touched' ELSE '{}'::jsonb END) AS k
          CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(k.value) = 'array' THEN k.value ELSE '[]'::jsonb END) AS v
        ) AS l
        WHERE l.t IN ('Case', 'Person', 'Referral')
          -- 8-4-4-4-12 hex digits, as the expression said: the shape, then the digits.
          AND l.i LIKE '________-____-____-____-____________' AND pg_input_is_valid(l.i, 'uuid')
      $b$
    $f$;
  END IF;
END $$;

ALTER TABLE "audit_event_entity" DROP CONSTRAINT "audit_event_entity_event_id_fkey";
