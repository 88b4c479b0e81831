-- Person matching, names without ten namesakes: the trigram search runs over the distinct skeletons
-- of a municipality (names repeat: ~60k distinct skeletons for 1M people) instead of over every
-- person, then the people of the best keys are read from the covering btree index
-- person_match_skeleton. A key whose people are gone may stay: it finds nobody.
CREATE TABLE "person_name_key" (
    "municipality_id" UUID NOT NULL,
    "skeleton" TEXT NOT NULL,

    CONSTRAINT "person_name_key_pkey" PRIMARY KEY ("municipality_id", "skeleton")
);

-- GIN over the skeleton alone: the municipality is filtered on the few hundred keys it returns.
CREATE INDEX "person_name_key_skeleton_trgm" ON "person_name_key" USING gin ("skeleton" gin_trgm_ops);

INSERT INTO "person_name_key" ("municipality_id", "skeleton")
SELECT DISTINCT "municipality_id", "skeleton" FROM "person" WHERE "skeleton" <> ''
ON CONFLICT DO NOTHING;

-- Statement-level triggers with transition tables: a bulk insert of many people adds its keys in
-- one statement, not one per row.
CREATE FUNCTION "person_name_key_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "person_name_key" ("municipality_id", "skeleton")
  SELECT DISTINCT "municipality_id", "skeleton" FROM "new_people" WHERE "skeleton" <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "person_name_key_on_insert" AFTER INSERT ON "person"
  REFERENCING NEW TABLE AS "new_people" FOR EACH STATEMENT EXECUTE FUNCTION "person_name_key_add"();
CREATE TRIGGER "person_name_key_on_update" AFTER UPDATE ON "person"
  REFERENCING NEW TABLE AS "new_people" FOR EACH STATEMENT EXECUTE FUNCTION "person_name_key_add"();
