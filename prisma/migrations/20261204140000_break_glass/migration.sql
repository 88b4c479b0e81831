-- Break-glass (issue 13): a social worker's justified, time-limited emergency access to sections of a case
-- outside their reach. Granted at once, flagged for the auditor, told to the coordinators in "my work".

ALTER TYPE "AuditFlagKind" ADD VALUE 'break_glass';
ALTER TYPE "ReminderKind" ADD VALUE 'break_glass';

-- How long an emergency access lasts, set by the admin (5 to 240 minutes).
ALTER TABLE "municipality"
  ADD COLUMN "break_glass_minutes" INTEGER NOT NULL DEFAULT 60,
  ADD CONSTRAINT "municipality_break_glass_minutes_range" CHECK ("break_glass_minutes" BETWEEN 5 AND 240);

CREATE TABLE "break_glass" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "sections" "CaseSection"[],
    -- Encrypted with the data key, bound to the row (field `break_glass.justification/<id>`).
    "justification" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "break_glass_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "break_glass_some_sections" CHECK (cardinality("sections") > 0),
    CONSTRAINT "break_glass_ends_after_start" CHECK ("expires_at" > "granted_at")
);

CREATE INDEX "break_glass_case_id_idx" ON "break_glass"("case_id");
CREATE INDEX "break_glass_user_id_expires_at_idx" ON "break_glass"("user_id", "expires_at");

ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "break_glass" ADD CONSTRAINT "break_glass_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The server writes grants and re-encrypts them on key rotation (UPDATE), but never removes one: the
-- default privileges of 20261204090000 would grant DELETE too, taken back here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "break_glass" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "break_glass" FROM jisr_app;
  END IF;
END $$;
