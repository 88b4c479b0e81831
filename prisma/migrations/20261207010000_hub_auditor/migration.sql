-- A hub holds an auditor (issue 16): someone must read the hub's own audit chain (its analysts' figure reads,
-- member changes, sign-ins). The roles a hub may hold are now its analysts, its auditor and its admin
-- (src/shared/hub.ts ROLES_OF_KIND); a city still never holds a hub analyst. Same trigger, same function name.
CREATE OR REPLACE FUNCTION app_user_role_fits_kind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k text := (SELECT kind::text FROM municipality WHERE id = NEW.municipality_id);
BEGIN
  IF (k = 'hub' AND NEW.role::text NOT IN ('hub_analyst', 'auditor', 'admin'))
     OR (k = 'city' AND NEW.role::text = 'hub_analyst') THEN
    RAISE EXCEPTION 'role % does not belong in a municipality of kind %', NEW.role, k USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
