-- CreateEnum
CREATE TYPE "Cohort" AS ENUM ('youth', 'returnee', 'returnee_family', 'migrant', 'other');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('female', 'male', 'unknown');

-- CreateEnum
CREATE TYPE "ReferralSource" AS ENUM ('school', 'family', 'health', 'community', 'police', 'self', 'social_services', 'other');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('routine', 'priority', 'immediate_danger');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('submitted', 'accepted', 'signposted', 'closed');

-- CreateEnum
CREATE TYPE "ReferralCloseReason" AS ENUM ('not_appropriate', 'insufficient_information', 'mistaken', 'malicious');

-- CreateEnum
CREATE TYPE "ConsentBy" AS ENUM ('person', 'guardian');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('consent', 'legal_obligation', 'vital_interest', 'public_task');

-- CreateEnum
CREATE TYPE "CaseStage" AS ENUM ('intake', 'assessment', 'planning', 'intervention', 'review', 'closed', 'follow_up');

-- CreateEnum
CREATE TYPE "CaseSection" AS ENUM ('summary', 'notes', 'plan', 'assessments');

-- CreateEnum
CREATE TYPE "NoteSensitivity" AS ENUM ('standard', 'restricted');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('parent', 'child', 'spouse', 'sibling', 'other');

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "code" TEXT NOT NULL DEFAULT upper(substr(md5(random()::text), 1, 4)),
ADD COLUMN     "screening_sla_days" INTEGER NOT NULL DEFAULT 5;

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "name_arabic" TEXT,
    "name_latin" TEXT,
    "latin_key" TEXT NOT NULL,
    "skeleton" TEXT NOT NULL,
    "birth_date" DATE,
    "birth_year" INTEGER,
    "sex" "Sex" NOT NULL DEFAULT 'unknown',
    "nationality" TEXT,
    "languages" TEXT[],
    "cohort" "Cohort" NOT NULL,
    "contact" TEXT,
    "guardian_name" TEXT,
    "guardian_contact" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "label" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household_member" (
    "household_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "relationship" "Relationship" NOT NULL,

    CONSTRAINT "household_member_pkey" PRIMARY KEY ("household_id","person_id")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "referrer_id" UUID NOT NULL,
    "referrer_agency_id" UUID,
    "cohort" "Cohort" NOT NULL,
    "source" "ReferralSource" NOT NULL,
    "concern_categories" TEXT[],
    "concern_text" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "consent_given" BOOLEAN NOT NULL,
    "consent_by" "ConsentBy",
    "consent_at" TIMESTAMPTZ(3),
    "consent_scope" TEXT,
    "legal_basis" "LegalBasis",
    "legal_justification" TEXT,
    "status" "ReferralStatus" NOT NULL DEFAULT 'submitted',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "signpost_to" TEXT,
    "decision_reason" TEXT,
    "close_reason" "ReferralCloseReason",

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_record" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "referral_id" UUID,
    "stage" "CaseStage" NOT NULL DEFAULT 'intake',
    "cohort" "Cohort" NOT NULL,
    "summary" TEXT,
    "key_worker_id" UUID,
    "lead_agency_id" UUID,
    "consent_withdrawn_at" TIMESTAMPTZ(3),
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "close_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_counter" (
    "municipality_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "case_counter_pkey" PRIMARY KEY ("municipality_id","year")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "kind" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_note" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "sensitivity" "NoteSensitivity" NOT NULL DEFAULT 'standard',
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disclosure" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "agency_id" UUID,
    "user_id" UUID,
    "purpose" TEXT NOT NULL,
    "sections" "CaseSection"[],
    "legal_basis" "LegalBasis" NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,
    "revoke_reason" TEXT,

    CONSTRAINT "disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "person_municipality_id_birth_year_idx" ON "person"("municipality_id", "birth_year");

-- CreateIndex
CREATE INDEX "household_member_person_id_idx" ON "household_member"("person_id");

-- CreateIndex
CREATE INDEX "referral_municipality_id_status_submitted_at_idx" ON "referral"("municipality_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "referral_municipality_id_referrer_id_submitted_at_idx" ON "referral"("municipality_id", "referrer_id", "submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "case_record_reference_key" ON "case_record"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "case_record_referral_id_key" ON "case_record"("referral_id");

-- CreateIndex
CREATE INDEX "case_record_municipality_id_id_idx" ON "case_record"("municipality_id", "id");

-- CreateIndex
CREATE INDEX "case_record_municipality_id_stage_id_idx" ON "case_record"("municipality_id", "stage", "id");

-- CreateIndex
CREATE INDEX "case_record_key_worker_id_id_idx" ON "case_record"("key_worker_id", "id");

-- CreateIndex
CREATE INDEX "case_event_case_id_id_idx" ON "case_event"("case_id", "id");

-- CreateIndex
CREATE INDEX "case_note_case_id_created_at_idx" ON "case_note"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "disclosure_case_id_idx" ON "disclosure"("case_id");

-- CreateIndex
CREATE INDEX "disclosure_agency_id_expires_at_idx" ON "disclosure"("agency_id", "expires_at");

-- CreateIndex
CREATE INDEX "disclosure_user_id_expires_at_idx" ON "disclosure"("user_id", "expires_at");

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household_member" ADD CONSTRAINT "household_member_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_referrer_id_fkey" FOREIGN KEY ("referrer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_referrer_agency_id_fkey" FOREIGN KEY ("referrer_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_key_worker_id_fkey" FOREIGN KEY ("key_worker_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_lead_agency_id_fkey" FOREIGN KEY ("lead_agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Matching people by name: trigram similarity on the derived keys, served by GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "person_latin_key_trgm" ON "person" USING gin ("latin_key" gin_trgm_ops);
CREATE INDEX "person_skeleton_trgm" ON "person" USING gin ("skeleton" gin_trgm_ops);

-- Case references are per municipality: <CODE>-<YEAR>-<NNNN>.
CREATE UNIQUE INDEX "municipality_code_key" ON "municipality" ("code");
