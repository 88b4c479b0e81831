-- The regional hub's analysts: suppressed, aggregated figures of the member cities that share them, nothing
-- personal. The role is compared as text below: a new enum value cannot be used in the transaction adding it.
ALTER TYPE "Role" ADD VALUE 'hub_analyst';

-- A hub holds its analysts and its admin only; a city never holds a hub analyst (second layer under
-- users.create / setRole, which refuse with a translated error). Checked on every write of an account.
CREATE FUNCTION app_user_role_fits_kind() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k text := (SELECT kind::text FROM municipality WHERE id = NEW.municipality_id);
BEGIN
  IF (k = 'hub' AND NEW.role::text NOT IN ('hub_analyst', 'admin'))
     OR (k = 'city' AND NEW.role::text = 'hub_analyst') THEN
    RAISE EXCEPTION 'role % does not belong in a municipality of kind %', NEW.role, k USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER app_user_role_fits_kind BEFORE INSERT OR UPDATE OF role, municipality_id ON "app_user"
  FOR EACH ROW EXECUTE FUNCTION app_user_role_fits_kind();
