-- A year of a hub's figures as published (src/modules/hub/release.ts): computed at the first request once the
-- year is over (1 February of the next year where the hub is), then returned unchanged, so two answers about
-- one year can never be subtracted (a city that joined, left or stopped sharing, a back-dated record).
-- municipality_id is the hub's own id: the distribution key of the hub's rows, as for its audit chain.
CREATE TABLE "hub_release" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "cities" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hub_release_pkey" PRIMARY KEY ("id")
);

-- One release per hub and year: two first requests at once store one (ON CONFLICT DO NOTHING, then read).
CREATE UNIQUE INDEX "hub_release_municipality_id_year_key" ON "hub_release"("municipality_id", "year");

ALTER TABLE "hub_release" ADD CONSTRAINT "hub_release_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A release belongs to a hub, never to a city (the kind lives on another table, so a trigger checks it).
CREATE FUNCTION hub_release_of_hub() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT kind FROM municipality WHERE id = NEW.municipality_id) IS DISTINCT FROM 'hub' THEN
    RAISE EXCEPTION 'hub_release belongs to a hub' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER hub_release_of_hub BEFORE INSERT ON "hub_release" FOR EACH ROW EXECUTE FUNCTION hub_release_of_hub();

-- Insert-only for the server: a published year is never rewritten nor removed.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT ON "hub_release" TO jisr_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "hub_release" FROM jisr_app;
  END IF;
END $$;
