-- Every table that holds personal or casework data carries municipality_id, the key a distributed
-- deployment (Citus) shards by (README, "Beyond one machine"). The child tables that reached their
-- municipality only through a parent get the column, filled from the parent, then NOT NULL and a
-- foreign key. A trigger per table refuses a row whose municipality differs from its parent's, so the
-- key can never disagree with the data it distributes.

ALTER TABLE "second_factor" ADD COLUMN "municipality_id" UUID;
UPDATE "second_factor" t SET "municipality_id" = u."municipality_id" FROM "app_user" u WHERE u."id" = t."user_id";

ALTER TABLE "recovery_code" ADD COLUMN "municipality_id" UUID;
UPDATE "recovery_code" t SET "municipality_id" = u."municipality_id" FROM "app_user" u WHERE u."id" = t."user_id";

ALTER TABLE "idempotency_key" ADD COLUMN "municipality_id" UUID;
UPDATE "idempotency_key" t SET "municipality_id" = u."municipality_id" FROM "app_user" u WHERE u."id" = t."user_id";

ALTER TABLE "household_member" ADD COLUMN "municipality_id" UUID;
UPDATE "household_member" t SET "municipality_id" = h."municipality_id" FROM "household" h WHERE h."id" = t."household_id";

ALTER TABLE "assessment_rating" ADD COLUMN "municipality_id" UUID;
UPDATE "assessment_rating" t SET "municipality_id" = a."municipality_id" FROM "assessment" a WHERE a."id" = t."assessment_id";

ALTER TABLE "meeting_invitee" ADD COLUMN "municipality_id" UUID;
UPDATE "meeting_invitee" t SET "municipality_id" = m."municipality_id" FROM "panel_meeting" m WHERE m."id" = t."meeting_id";

ALTER TABLE "meeting_agenda_item" ADD COLUMN "municipality_id" UUID;
UPDATE "meeting_agenda_item" t SET "municipality_id" = m."municipality_id" FROM "panel_meeting" m WHERE m."id" = t."meeting_id";

ALTER TABLE "meeting_minute" ADD COLUMN "municipality_id" UUID;
UPDATE "meeting_minute" t SET "municipality_id" = m."municipality_id" FROM "panel_meeting" m WHERE m."id" = t."meeting_id";

-- Refuses a child row whose municipality_id is not its parent's. Arguments: the parent table and
-- the child's column that references the parent's id.
CREATE FUNCTION same_municipality_as_parent() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  parent_municipality uuid;
BEGIN
  EXECUTE format('SELECT "municipality_id" FROM %I WHERE "id" = $1', TG_ARGV[0])
    INTO parent_municipality
    USING (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
  IF parent_municipality IS DISTINCT FROM NEW."municipality_id" THEN
    RAISE EXCEPTION 'municipality_id of % differs from its parent''s', TG_TABLE_NAME
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

DO $$
DECLARE
  spec text[];
  specs text[][] := ARRAY[
    ARRAY['second_factor', 'app_user', 'user_id'],
    ARRAY['recovery_code', 'app_user', 'user_id'],
    ARRAY['idempotency_key', 'app_user', 'user_id'],
    ARRAY['household_member', 'household', 'household_id'],
    ARRAY['assessment_rating', 'assessment', 'assessment_id'],
    ARRAY['meeting_invitee', 'panel_meeting', 'meeting_id'],
    ARRAY['meeting_agenda_item', 'panel_meeting', 'meeting_id'],
    ARRAY['meeting_minute', 'panel_meeting', 'meeting_id']
  ];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY specs LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN "municipality_id" SET NOT NULL', spec[1]);
    EXECUTE format(
      'ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
      spec[1], spec[1] || '_municipality_id_fkey');
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF "municipality_id", %I ON %I FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent(%L, %L)',
      spec[1] || '_same_municipality', spec[3], spec[1], spec[2], spec[3]);
  END LOOP;
END $$;
