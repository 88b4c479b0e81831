-- A person's optional details (issue 15): the father's name (it tells namesakes apart), where they
-- live, whether the birth year is an estimate from an age, and a safe way to reach them. The safe
-- contact is encrypted (field `person.safe_contact`, bound to the row's id, crypto/rotate.ts).
-- Every column is optional, so rows that exist keep their meaning; the app role's rights on
-- "person" (SELECT, INSERT, UPDATE, DELETE) cover the new columns.
ALTER TABLE "person" ADD COLUMN "father_name" TEXT;
ALTER TABLE "person" ADD COLUMN "locality" TEXT;
ALTER TABLE "person" ADD COLUMN "governorate" TEXT;
ALTER TABLE "person" ADD COLUMN "birth_year_estimated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "person" ADD COLUMN "safe_contact" TEXT;
