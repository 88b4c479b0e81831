-- The regional hub: a municipality of kind 'hub' holds only its analysts' accounts and its own audit chain;
-- hub_member lists the cities that belong to it, and whether each shares its (suppressed) figures.
CREATE TYPE "MunicipalityKind" AS ENUM ('city', 'hub');

ALTER TABLE "municipality" ADD COLUMN "kind" "MunicipalityKind" NOT NULL DEFAULT 'city';

CREATE TABLE "hub_member" (
    "hub_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "share_figures" BOOLEAN NOT NULL DEFAULT false,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "hub_member_pkey" PRIMARY KEY ("hub_id", "municipality_id")
);
CREATE INDEX "hub_member_municipality_id_idx" ON "hub_member"("municipality_id");
ALTER TABLE "hub_member" ADD CONSTRAINT "hub_member_hub_id_fkey" FOREIGN KEY ("hub_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "hub_member" ADD CONSTRAINT "hub_member_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A hub's members are cities, and a hub is a hub: checked on every write, since the kinds live on another table.
CREATE FUNCTION hub_member_kinds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT kind FROM municipality WHERE id = NEW.hub_id) IS DISTINCT FROM 'hub'
     OR (SELECT kind FROM municipality WHERE id = NEW.municipality_id) IS DISTINCT FROM 'city' THEN
    RAISE EXCEPTION 'hub_member joins a hub and a city' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER hub_member_kinds BEFORE INSERT OR UPDATE ON "hub_member" FOR EACH ROW EXECUTE FUNCTION hub_member_kinds();

-- A municipality's kind never changes once it exists (a city's casework never ends up under a hub).
CREATE FUNCTION municipality_kind_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    RAISE EXCEPTION 'a municipality''s kind cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER municipality_kind_fixed BEFORE UPDATE OF kind ON "municipality" FOR EACH ROW EXECUTE FUNCTION municipality_kind_fixed();
