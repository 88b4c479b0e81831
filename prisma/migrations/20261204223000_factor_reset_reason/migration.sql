-- Why an admin asked for a second factor's reset, shown to the person who confirms it. Encrypted by the
-- app (bound to the row's id); requests made before this column have none.
ALTER TABLE "second_factor_reset" ADD COLUMN "reason" TEXT;
