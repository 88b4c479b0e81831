-- Flags worth a look (issue 13): rules over the audit stream raise flags; an auditor reviews them.

-- New kinds and the review states. Other kinds (break-glass, second factor) are added by their own migrations.
ALTER TYPE "AuditFlagKind" ADD VALUE 'off_hours_read';
ALTER TYPE "AuditFlagKind" ADD VALUE 'bulk_read';
ALTER TYPE "AuditFlagKind" ADD VALUE 'repeated_denials';
ALTER TYPE "AuditFlagKind" ADD VALUE 'read_outside_assignment';
ALTER TYPE "AuditFlagKind" ADD VALUE 'checkpoint_stopped';
ALTER TYPE "AuditFlagStatus" ADD VALUE 'reviewed';
ALTER TYPE "AuditFlagStatus" ADD VALUE 'escalated';

-- A stopped checkpoint is about no account. `dedupe_key` names what a rule flagged (the account and the
-- window, day or case), so a rule run twice raises nothing new. The review note is encrypted (AAD bound to the flag).
ALTER TABLE "audit_flag"
  ALTER COLUMN "subject_user_id" DROP NOT NULL,
  ADD COLUMN "dedupe_key" TEXT,
  ADD COLUMN "reviewed_by_id" UUID,
  ADD COLUMN "reviewed_at" TIMESTAMPTZ(3),
  ADD COLUMN "review_note" TEXT;
CREATE UNIQUE INDEX "audit_flag_municipality_id_dedupe_key_key" ON "audit_flag"("municipality_id", "dedupe_key");
ALTER TABLE "audit_flag" ADD CONSTRAINT "audit_flag_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The events that raised a flag, by their number in the municipality's chain (never audit_event.id).
CREATE TABLE "audit_flag_event" (
    "flag_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,

    CONSTRAINT "audit_flag_event_pkey" PRIMARY KEY ("flag_id", "seq")
);
ALTER TABLE "audit_flag_event" ADD CONSTRAINT "audit_flag_event_flag_id_fkey" FOREIGN KEY ("flag_id") REFERENCES "audit_flag"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Where the rules stopped in each municipality's chain: the next run starts after it.
CREATE TABLE "audit_flag_cursor" (
    "municipality_id" UUID NOT NULL,
    "last_seq" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_flag_cursor_pkey" PRIMARY KEY ("municipality_id")
);
ALTER TABLE "audit_flag_cursor" ADD CONSTRAINT "audit_flag_cursor_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Window rules (bulk reads, refusals) count one account's events in a time window.
CREATE INDEX "audit_event_municipality_id_actor_id_at_idx" ON "audit_event"("municipality_id", "actor_id", "at");

-- Working hours and the rules' thresholds. Hours are minutes after local midnight; weekend days 0 = Sunday.
ALTER TABLE "municipality"
  ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "weekend_days" INTEGER[] NOT NULL DEFAULT '{}',
  ADD COLUMN "workday_start" INTEGER NOT NULL DEFAULT 480,
  ADD COLUMN "workday_end" INTEGER NOT NULL DEFAULT 1020,
  ADD COLUMN "bulk_read_limit" INTEGER NOT NULL DEFAULT 200,
  ADD COLUMN "bulk_read_minutes" INTEGER NOT NULL DEFAULT 10,
  ADD COLUMN "denial_limit" INTEGER NOT NULL DEFAULT 10;

-- The calendar by country (DESIGN): Fri–Sat in EG, JO, IQ, LY; Sat–Sun in MA, TN, LB. A municipality
-- inserted without a time zone or weekend gets its country's; the admin may change both.
CREATE FUNCTION municipality_calendar_defaults() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.time_zone = '' THEN
    NEW.time_zone := CASE upper(NEW.country)
      WHEN 'EG' THEN 'Africa/Cairo' WHEN 'JO' THEN 'Asia/Amman' WHEN 'IQ' THEN 'Asia/Baghdad'
      WHEN 'LY' THEN 'Africa/Tripoli' WHEN 'MA' THEN 'Africa/Casablanca' WHEN 'TN' THEN 'Africa/Tunis'
      WHEN 'LB' THEN 'Asia/Beirut' ELSE 'UTC' END;
  END IF;
  IF cardinality(NEW.weekend_days) = 0 THEN
    NEW.weekend_days := CASE WHEN upper(NEW.country) IN ('EG', 'JO', 'IQ', 'LY') THEN '{5,6}'::int[] ELSE '{6,0}'::int[] END;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER municipality_calendar_defaults BEFORE INSERT ON "municipality"
  FOR EACH ROW EXECUTE FUNCTION municipality_calendar_defaults();
-- The trigger runs on INSERT only: existing rows are filled the same way here.
UPDATE "municipality" SET
  "time_zone" = CASE upper("country")
    WHEN 'EG' THEN 'Africa/Cairo' WHEN 'JO' THEN 'Asia/Amman' WHEN 'IQ' THEN 'Asia/Baghdad'
    WHEN 'LY' THEN 'Africa/Tripoli' WHEN 'MA' THEN 'Africa/Casablanca' WHEN 'TN' THEN 'Africa/Tunis'
    WHEN 'LB' THEN 'Asia/Beirut' ELSE 'UTC' END,
  "weekend_days" = CASE WHEN upper("country") IN ('EG', 'JO', 'IQ', 'LY') THEN '{5,6}'::int[] ELSE '{6,0}'::int[] END;

-- The server raises flags, links their events and moves the cursor; it never removes any of them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT ON "audit_flag_event" TO jisr_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "audit_flag_event" FROM jisr_app;
    GRANT SELECT, INSERT, UPDATE ON "audit_flag_cursor" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "audit_flag_cursor" FROM jisr_app;
  END IF;
END $$;
