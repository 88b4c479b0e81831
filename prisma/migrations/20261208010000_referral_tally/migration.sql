-- Monthly tallies of referrals for the statistics page and the hub (src/modules/statistics/tally.ts).
-- A year of figures at 100k cases read ~520k referrals twice (by month, cohort, source and urgency; by the
-- local days submitted and decided): ~300 ms of the database's time a request. The tallies hold the same
-- counts per local month of the municipality, computed from the referrals when first asked and dropped by
-- the writers whenever a referral of that month is added, changed or removed; the next reader counts that
-- month again. Nothing personal is kept: the counted enums, local days and a number.
--
-- One row per municipality, time zone and local month counted: [starts, ends) in instants. Its tallies go
-- with it (ON DELETE CASCADE), so a reader that sees the month sees all its counts, in one snapshot.
CREATE TABLE "referral_tally_month" (
    "municipality_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "starts" TIMESTAMPTZ(3) NOT NULL,
    "ends" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "referral_tally_month_pkey" PRIMARY KEY ("municipality_id", "time_zone", "month")
);
-- The writers find the months an instant falls in from the end: a new referral (now) finds at most the current one.
CREATE INDEX "referral_tally_month_ends_idx" ON "referral_tally_month" ("municipality_id", "ends");
ALTER TABLE "referral_tally_month" ADD CONSTRAINT "referral_tally_month_municipality_id_fkey"
  FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Referrals submitted in the month by cohort, source and urgency.
CREATE TABLE "referral_tally" (
    "municipality_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "cohort" "Cohort" NOT NULL,
    "source" "ReferralSource" NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "referral_tally_pkey" PRIMARY KEY ("municipality_id", "time_zone", "month", "cohort", "source", "urgency")
);
ALTER TABLE "referral_tally" ADD CONSTRAINT "referral_tally_month_fkey" FOREIGN KEY ("municipality_id", "time_zone", "month")
  REFERENCES "referral_tally_month"("municipality_id", "time_zone", "month") ON DELETE CASCADE ON UPDATE CASCADE;

-- Referrals submitted in the month by local day submitted and local day decided (null: waiting).
CREATE TABLE "screening_tally" (
    "municipality_id" UUID NOT NULL,
    "time_zone" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "submitted" DATE NOT NULL,
    "decided" DATE,
    "n" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "screening_tally_key" ON "screening_tally" ("municipality_id", "time_zone", "month", "submitted", "decided") NULLS NOT DISTINCT;
ALTER TABLE "screening_tally" ADD CONSTRAINT "screening_tally_month_fkey" FOREIGN KEY ("municipality_id", "time_zone", "month")
  REFERENCES "referral_tally_month"("municipality_id", "time_zone", "month") ON DELETE CASCADE ON UPDATE CASCADE;

-- The writers' side. Each writing transaction takes the municipality's tally lock in shared mode (writers never
-- wait for each other) and drops the months its rows fall in; a reader counting a month takes it exclusively,
-- so it counts only once every writer before it has committed, and a writer after it waits for its month row
-- to be visible and drops it. Without the lock a reader could count a snapshot that misses a write made
-- meanwhile and keep that stale month for ever.
CREATE FUNCTION referral_tally_drop(m UUID, lo TIMESTAMPTZ, hi TIMESTAMPTZ) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock_shared(hashtext('jisr.referral_tally'), hashtext(m::text));
  DELETE FROM referral_tally_month WHERE municipality_id = m AND ends > lo AND starts <= hi;
$$;

-- A statement's rows, whichever way they came (COPY and multi-row INSERT included): per municipality, every
-- month from its earliest row to its latest. Dropping too many months is safe (they are counted again);
-- one row, the usual case, drops exactly its own month.
CREATE FUNCTION referral_tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM referral_tally_drop(municipality_id, min(submitted_at), max(submitted_at)) FROM old_rows GROUP BY municipality_id;
  ELSE
    PERFORM referral_tally_drop(municipality_id, min(submitted_at), max(submitted_at)) FROM new_rows GROUP BY municipality_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER referral_tally_insert AFTER INSERT ON "referral" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION referral_tally_rows();
CREATE TRIGGER referral_tally_delete AFTER DELETE ON "referral" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION referral_tally_rows();

-- An update drops the old month and the new one, only when a counted column changed (a screening decision, a
-- correction of cohort, source or urgency), so the other updates of a referral cost nothing here.
CREATE FUNCTION referral_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM referral_tally_drop(OLD.municipality_id, OLD.submitted_at, OLD.submitted_at);
  PERFORM referral_tally_drop(NEW.municipality_id, NEW.submitted_at, NEW.submitted_at);
  RETURN NULL;
END $$;
CREATE TRIGGER referral_tally_update AFTER UPDATE ON "referral" FOR EACH ROW
  WHEN (OLD.municipality_id IS DISTINCT FROM NEW.municipality_id OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
        OR OLD.decided_at IS DISTINCT FROM NEW.decided_at OR OLD.cohort IS DISTINCT FROM NEW.cohort
        OR OLD.source IS DISTINCT FROM NEW.source OR OLD.urgency IS DISTINCT FROM NEW.urgency)
  EXECUTE FUNCTION referral_tally_row();

-- A truncation of the referrals leaves no tally behind (tests, a restore).
CREATE FUNCTION referral_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM referral_tally_month;
  RETURN NULL;
END $$;
CREATE TRIGGER referral_tally_truncate AFTER TRUNCATE ON "referral" FOR EACH STATEMENT EXECUTE FUNCTION referral_tally_truncate();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, DELETE ON "referral_tally_month", "referral_tally", "screening_tally" TO jisr_app;
    REVOKE UPDATE, TRUNCATE ON "referral_tally_month", "referral_tally", "screening_tally" FROM jisr_app;
  END IF;
END $$;
