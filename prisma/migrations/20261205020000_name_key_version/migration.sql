-- The version of the name keys a municipality's people were stored with. Rows that exist now were keyed
-- by version 1 (a final ح dropped from the skeleton); the name-keys job (src/jobs/name-keys.ts) re-keys
-- them and records 2. New municipalities start at the current version.
ALTER TABLE "municipality" ADD COLUMN "name_key_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "municipality" ALTER COLUMN "name_key_version" SET DEFAULT 2;
