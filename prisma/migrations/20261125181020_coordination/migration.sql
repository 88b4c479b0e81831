-- CreateEnum
CREATE TYPE "CaseClosureReason" AS ENUM ('risk_removed', 'risk_reduced', 'moved_away', 'disengaged', 'referred_elsewhere', 'other');

-- CreateEnum
CREATE TYPE "FactorDomain" AS ENUM ('engagement', 'intent', 'capability', 'protective');

-- CreateEnum
CREATE TYPE "FactorRating" AS ENUM ('low', 'moderate', 'high', 'present', 'absent', 'unknown');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'held', 'approved', 'cancelled');

-- CreateEnum
CREATE TYPE "PanelDecision" AS ENUM ('continue', 'adjust_plan', 'escalate', 'close', 'refer_elsewhere');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('review_overdue', 'intervention_overdue', 'task_overdue', 'screening_overdue', 'disclosure_expiring', 'follow_up_due');

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN     "review_interval_days" INTEGER NOT NULL DEFAULT 90;

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "closed_by_id" UUID,
ADD COLUMN     "closure_reason" "CaseClosureReason",
ADD COLUMN     "follow_up_at" DATE,
ADD COLUMN     "next_review_at" DATE;

-- CreateTable
CREATE TABLE "assessment_factor" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "domain" "FactorDomain" NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "label_ar" VARCHAR(200) NOT NULL,
    "label_fr" VARCHAR(200) NOT NULL,
    "label_en" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assessment_factor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "assessor_id" UUID NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL,
    "overall_judgement" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assessment_rating" (
    "assessment_id" UUID NOT NULL,
    "factor_id" UUID NOT NULL,
    "rating" "FactorRating" NOT NULL,
    "comment" TEXT,

    CONSTRAINT "assessment_rating_pkey" PRIMARY KEY ("assessment_id","factor_id")
);

-- CreateTable
CREATE TABLE "panel_meeting" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "location" VARCHAR(200),
    "status" "MeetingStatus" NOT NULL DEFAULT 'scheduled',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "approved_at" TIMESTAMPTZ(3),
    "approved_by_id" UUID,

    CONSTRAINT "panel_meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_invitee" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "agency_id" UUID,
    "user_id" UUID,
    "attended" BOOLEAN,

    CONSTRAINT "meeting_invitee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_agenda_item" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "decision" "PanelDecision",
    "consensus" BOOLEAN,
    "dissent" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,

    CONSTRAINT "meeting_agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_minute" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "agenda_item_id" UUID,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "corrects_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_minute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_task" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "assignee_id" UUID,
    "due_date" DATE,
    "done_at" TIMESTAMPTZ(3),
    "agenda_item_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "case_id" UUID,
    "due_at" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "dismissed_at" TIMESTAMPTZ(3),

    CONSTRAINT "reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assessment_factor_municipality_id_active_domain_position_idx" ON "assessment_factor"("municipality_id", "active", "domain", "position");

-- CreateIndex
CREATE UNIQUE INDEX "assessment_factor_municipality_id_code_key" ON "assessment_factor"("municipality_id", "code");

-- CreateIndex
CREATE INDEX "assessment_case_id_assessed_at_idx" ON "assessment"("case_id", "assessed_at");

-- CreateIndex
CREATE INDEX "panel_meeting_municipality_id_scheduled_at_idx" ON "panel_meeting"("municipality_id", "scheduled_at" DESC);

-- CreateIndex
CREATE INDEX "meeting_invitee_meeting_id_idx" ON "meeting_invitee"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_invitee_agency_id_idx" ON "meeting_invitee"("agency_id");

-- CreateIndex
CREATE INDEX "meeting_invitee_user_id_idx" ON "meeting_invitee"("user_id");

-- CreateIndex
CREATE INDEX "meeting_agenda_item_case_id_idx" ON "meeting_agenda_item"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_agenda_item_meeting_id_case_id_key" ON "meeting_agenda_item"("meeting_id", "case_id");

-- CreateIndex
CREATE INDEX "meeting_minute_meeting_id_created_at_idx" ON "meeting_minute"("meeting_id", "created_at");

-- CreateIndex
CREATE INDEX "case_task_case_id_idx" ON "case_task"("case_id");

-- CreateIndex
CREATE INDEX "case_task_assignee_id_due_date_idx" ON "case_task"("assignee_id", "due_date");

-- CreateIndex
CREATE INDEX "reminder_user_id_dismissed_at_created_at_idx" ON "reminder"("user_id", "dismissed_at", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "reminder_user_id_kind_entity_id_due_at_key" ON "reminder"("user_id", "kind", "entity_id", "due_at");

-- CreateIndex
CREATE INDEX "case_record_municipality_id_next_review_at_idx" ON "case_record"("municipality_id", "next_review_at");

-- CreateIndex
CREATE INDEX "case_record_municipality_id_follow_up_at_idx" ON "case_record"("municipality_id", "follow_up_at");

-- AddForeignKey
ALTER TABLE "assessment_factor" ADD CONSTRAINT "assessment_factor_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_assessor_id_fkey" FOREIGN KEY ("assessor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_rating" ADD CONSTRAINT "assessment_rating_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assessment_rating" ADD CONSTRAINT "assessment_rating_factor_id_fkey" FOREIGN KEY ("factor_id") REFERENCES "assessment_factor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_meeting" ADD CONSTRAINT "panel_meeting_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "panel_meeting" ADD CONSTRAINT "panel_meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "panel_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_invitee" ADD CONSTRAINT "meeting_invitee_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "panel_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_item" ADD CONSTRAINT "meeting_agenda_item_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_minute" ADD CONSTRAINT "meeting_minute_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "panel_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_minute" ADD CONSTRAINT "meeting_minute_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder" ADD CONSTRAINT "reminder_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Existing open cases get their first review one interval after opening; existing closures are "other".
UPDATE "case_record" c
   SET "next_review_at" = (c."opened_at" + make_interval(days => m."review_interval_days"))::date
  FROM "municipality" m
 WHERE m."id" = c."municipality_id" AND c."stage" NOT IN ('closed', 'follow_up');
UPDATE "case_record" SET "closure_reason" = 'other' WHERE "stage" IN ('closed', 'follow_up') AND "closure_reason" IS NULL;
