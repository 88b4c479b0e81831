-- Correction with history and without lost updates (issue 14): every editable record carries a version,
-- and field_change keeps each field's old and new value (encrypted, row-bound), who and when.

ALTER TABLE "person" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "referral" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "case_record" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "intervention" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "field_change" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "field" TEXT NOT NULL,
    -- Encrypted with the data key, bound to the row (fields `field_change.old/<id>`, `field_change.new/<id>`).
    "old_value" TEXT,
    "new_value" TEXT,
    "version" INTEGER NOT NULL,
    "actor_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "field_change_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "field_change_entity_type" CHECK ("entity_type" IN ('Person', 'Referral', 'Case', 'Intervention'))
);

CREATE INDEX "field_change_entity_type_entity_id_at_idx" ON "field_change"("entity_type", "entity_id", "at");

ALTER TABLE "field_change" ADD CONSTRAINT "field_change_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "field_change" ADD CONSTRAINT "field_change_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- History is written and re-encrypted on key rotation (UPDATE), never removed: the default privileges of
-- 20261204090000 would grant DELETE too, taken back here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "field_change" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "field_change" FROM jisr_app;
  END IF;
END $$;
