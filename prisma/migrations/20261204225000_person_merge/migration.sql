-- Merging two records of one person (issue 14), undoable for 30 days, and pairs marked "not the same person".

-- A merged record stays (hidden) and points at the record that survived it.
ALTER TABLE "person" ADD COLUMN "merged_into_id" UUID;
ALTER TABLE "person" ADD CONSTRAINT "person_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person" ADD CONSTRAINT "person_not_merged_into_itself" CHECK ("merged_into_id" <> "id");

CREATE TABLE "person_merge" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "survivor_id" UUID NOT NULL,
    "merged_id" UUID NOT NULL,
    "moved" JSONB NOT NULL,
    "merged_by_id" UUID NOT NULL,
    "merged_at" TIMESTAMPTZ(3) NOT NULL,
    "undone_by_id" UUID,
    "undone_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_merge_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "person_merge_two_records" CHECK ("survivor_id" <> "merged_id")
);
CREATE INDEX "person_merge_survivor_id_idx" ON "person_merge"("survivor_id");
CREATE INDEX "person_merge_merged_id_idx" ON "person_merge"("merged_id");
-- At most one live (not undone) merge of a record.
CREATE UNIQUE INDEX "person_merge_live_merged_id" ON "person_merge"("merged_id") WHERE "undone_at" IS NULL;
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_survivor_id_fkey" FOREIGN KEY ("survivor_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_merged_id_fkey" FOREIGN KEY ("merged_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_merged_by_id_fkey" FOREIGN KEY ("merged_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_undone_by_id_fkey" FOREIGN KEY ("undone_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "person_distinct" (
    "municipality_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "other_id" UUID NOT NULL,
    "marked_by_id" UUID NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_distinct_pkey" PRIMARY KEY ("person_id", "other_id"),
    -- One row per pair: the smaller id first.
    CONSTRAINT "person_distinct_ordered_pair" CHECK ("person_id" < "other_id")
);
CREATE INDEX "person_distinct_other_id_idx" ON "person_distinct"("other_id");
ALTER TABLE "person_distinct" ADD CONSTRAINT "person_distinct_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_distinct" ADD CONSTRAINT "person_distinct_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_distinct" ADD CONSTRAINT "person_distinct_other_id_fkey" FOREIGN KEY ("other_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person_distinct" ADD CONSTRAINT "person_distinct_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A merge is undone by marking it (undone_at), never removed: what moved stays on record. A mark
-- "not the same person" is removed when a coordinator takes it back (audited), so DELETE stays there.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "person_merge" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "person_merge" FROM jisr_app;
    GRANT SELECT, INSERT, DELETE ON "person_distinct" TO jisr_app;
    REVOKE UPDATE, TRUNCATE ON "person_distinct" FROM jisr_app;
  END IF;
END $$;
