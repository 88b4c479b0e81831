-- Issue 16, continued: after the referral tallies (20261208010000), the interventions and the closures were the
-- counts left reading their tables: a sequential scan of every intervention (and of them all again for the first
-- year with figures), and the heap pages of every closed case. These covering indexes hold what those counts
-- group by (src/modules/statistics/queries.ts), so both are index-only scans of the municipality's period.
CREATE INDEX "intervention_statistics_idx" ON "intervention" ("municipality_id", "created_at") INCLUDE ("type", "agency_id", "status");
CREATE INDEX "case_record_closure_statistics_idx" ON "case_record" ("municipality_id", "closed_at") INCLUDE ("stage", "closure_reason", "follow_up_at")
  WHERE "stage" IN ('closed', 'follow_up');

-- The cases' age bands fetched each case's person (its birth year) by primary key: 25k index probes for a year at
-- 100k cases, ~80 ms, most of what was left of a year of figures. A case now carries its person's birth year,
-- kept by the database: set from the person whenever a case is written with a person (new, or moved by a
-- merge), and copied to the person's cases whenever the birth year is corrected. The case's trigger reads
-- the person FOR SHARE, which waits for a correction in flight, and the correction's update waits for a case
-- being written, so neither can leave a stale copy. Nothing else reads it: the person's record stays the source.
ALTER TABLE "case_record" ADD COLUMN "person_birth_year" INTEGER;

CREATE FUNCTION case_record_person_birth_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.person_birth_year := (SELECT birth_year FROM person WHERE id = NEW.person_id FOR SHARE);
  RETURN NEW;
END $$;
CREATE TRIGGER case_record_person_birth_year BEFORE INSERT OR UPDATE OF person_id, person_birth_year ON "case_record"
  FOR EACH ROW EXECUTE FUNCTION case_record_person_birth_year();

CREATE FUNCTION person_birth_year_to_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_record SET person_birth_year = NEW.birth_year
   WHERE person_id = NEW.id AND person_birth_year IS DISTINCT FROM NEW.birth_year;
  RETURN NULL;
END $$;
CREATE TRIGGER person_birth_year_to_cases AFTER UPDATE OF birth_year ON "person" FOR EACH ROW
  WHEN (OLD.birth_year IS DISTINCT FROM NEW.birth_year) EXECUTE FUNCTION person_birth_year_to_cases();

UPDATE case_record c SET person_birth_year = p.birth_year FROM person p WHERE p.id = c.person_id AND p.birth_year IS NOT NULL;

-- The cases' count reads its period index-only, birth year included.
DROP INDEX "case_record_statistics_idx";
CREATE INDEX "case_record_statistics_idx" ON "case_record" ("municipality_id", "opened_at") INCLUDE ("stage", "person_birth_year");
