-- Onward referrals partners accept or decline (issue 16): a case, or a screened referral (signposting),
-- referred on to a partner agency or outside service of the directory; the agency answers (accept, or
-- decline with a reason), later records the outcome; a declined one can be sent again. Unanswered after
-- the municipality's onward_answer_days working days, it becomes a reminder.

-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'onward_unanswered';

-- CreateEnum
CREATE TYPE "OnwardStatus" AS ENUM ('sent', 'accepted', 'declined', 'completed');
CREATE TYPE "OnwardOutcome" AS ENUM ('engaged', 'completed', 'did_not_engage', 'no_longer_needed', 'other');

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN "onward_answer_days" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "onward_referral" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "case_id" UUID,
    "referral_id" UUID,
    "agency_id" UUID NOT NULL,
    "sent_by_id" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "share_name" BOOLEAN NOT NULL DEFAULT false,
    "share_birth_year" BOOLEAN NOT NULL DEFAULT false,
    "share_cohort" BOOLEAN NOT NULL DEFAULT false,
    "status" "OnwardStatus" NOT NULL DEFAULT 'sent',
    "disclose_sections" "CaseSection"[],
    "disclose_purpose_id" UUID,
    "disclose_purpose" TEXT,
    "disclose_legal_basis" "LegalBasis",
    "disclose_consent_id" UUID,
    "disclose_consent_purpose" TEXT,
    "disclose_days" INTEGER,
    "intervention_type" "InterventionType",
    "intervention_title" TEXT,
    "answered_at" TIMESTAMPTZ(3),
    "answered_by_id" UUID,
    "decline_reason" TEXT,
    "disclosure_id" UUID,
    "intervention_id" UUID,
    "outcome" "OnwardOutcome",
    "outcome_note" TEXT,
    "outcome_at" TIMESTAMPTZ(3),
    "outcome_by_id" UUID,
    "resend_of_id" UUID,

    CONSTRAINT "onward_referral_pkey" PRIMARY KEY ("id"),
    -- About exactly one thing: a case, or a referral screened without one.
    CONSTRAINT "onward_referral_about_check" CHECK (("case_id" IS NULL) <> ("referral_id" IS NULL)),
    -- An answer names who and when; a decline its reason; an outcome only after acceptance.
    CONSTRAINT "onward_referral_answer_check" CHECK (("status" = 'sent') = ("answered_at" IS NULL) AND ("answered_at" IS NULL) = ("answered_by_id" IS NULL)),
    CONSTRAINT "onward_referral_decline_check" CHECK (("status" = 'declined') = ("decline_reason" IS NOT NULL)),
    CONSTRAINT "onward_referral_outcome_check" CHECK (("status" = 'completed') = ("outcome" IS NOT NULL)),
    CONSTRAINT "onward_referral_disclose_days_check" CHECK ("disclose_days" IS NULL OR "disclose_days" BETWEEN 1 AND 366)
);

-- CreateIndex
CREATE UNIQUE INDEX "onward_referral_disclosure_id_key" ON "onward_referral"("disclosure_id");
CREATE UNIQUE INDEX "onward_referral_intervention_id_key" ON "onward_referral"("intervention_id");
CREATE UNIQUE INDEX "onward_referral_resend_of_id_key" ON "onward_referral"("resend_of_id");
CREATE INDEX "onward_referral_case_id_sent_at_idx" ON "onward_referral"("case_id", "sent_at");
CREATE INDEX "onward_referral_referral_id_idx" ON "onward_referral"("referral_id");
CREATE INDEX "onward_referral_agency_id_status_sent_at_idx" ON "onward_referral"("agency_id", "status", "sent_at" DESC);
CREATE INDEX "onward_referral_municipality_id_status_sent_at_idx" ON "onward_referral"("municipality_id", "status", "sent_at");

-- AddForeignKey
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_answered_by_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_resend_of_id_fkey" FOREIGN KEY ("resend_of_id") REFERENCES "onward_referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The case, referral, agency and sender are of the onward referral's municipality (the distribution key's rule).
CREATE TRIGGER "onward_referral_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "onward_referral"
  FOR EACH ROW WHEN (NEW."case_id" IS NOT NULL) EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');
CREATE TRIGGER "onward_referral_referral_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "referral_id" ON "onward_referral"
  FOR EACH ROW WHEN (NEW."referral_id" IS NOT NULL) EXECUTE FUNCTION same_municipality_as_parent('referral', 'referral_id');
CREATE TRIGGER "onward_referral_agency_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "agency_id" ON "onward_referral"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('agency', 'agency_id');
CREATE TRIGGER "onward_referral_sender_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "sent_by_id" ON "onward_referral"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'sent_by_id');

-- Onward referrals are answered and closed, never removed: each is part of the case's history.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "onward_referral" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "onward_referral" FROM jisr_app;
  END IF;
END $$;
