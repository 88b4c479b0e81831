-- Titles, outcomes and places are sealed now (crypto/envelope.ts): a ciphertext of 200 characters of
-- Arabic is far longer than 200 characters. Their length limits stay in the input schemas.
ALTER TABLE "intervention" ALTER COLUMN "title" TYPE TEXT, ALTER COLUMN "outcome" TYPE TEXT;
ALTER TABLE "panel_meeting" ALTER COLUMN "title" TYPE TEXT, ALTER COLUMN "location" TYPE TEXT;
ALTER TABLE "case_task" ALTER COLUMN "title" TYPE TEXT;
