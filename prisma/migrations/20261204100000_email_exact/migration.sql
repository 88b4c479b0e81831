-- E-mail addresses are stored trimmed and lower-cased and compared exactly, never as a LIKE pattern:
-- sign-in looked them up with ILIKE, so "%" or "c_ordinator@…" reached a real account.

-- Two accounts whose addresses differ only in case or surrounding spaces would become one address.
-- Stop rather than pick one; the message names no address (migration logs travel further than the data).
DO $$
DECLARE
  clashes integer;
BEGIN
  SELECT count(*) INTO clashes FROM (SELECT 1 FROM app_user GROUP BY lower(btrim(email)) HAVING count(*) > 1) AS c;
  IF clashes > 0 THEN
    RAISE EXCEPTION '% e-mail address(es) belong to several accounts once trimmed and lower-cased; list them with: SELECT lower(btrim(email)), count(*) FROM app_user GROUP BY 1 HAVING count(*) > 1; change all but one of each, then migrate again', clashes;
  END IF;
END $$;

UPDATE app_user SET email = lower(btrim(email)) WHERE email <> lower(btrim(email));

ALTER TABLE app_user ADD CONSTRAINT app_user_email_normalised CHECK (email = lower(btrim(email)));

-- The unique index on "email" now covers every spelling of an address; the one on lower(email) is redundant.
DROP INDEX IF EXISTS app_user_email_lower_key;
