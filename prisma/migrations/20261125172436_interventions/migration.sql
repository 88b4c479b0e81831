-- CreateEnum
CREATE TYPE "InterventionType" AS ENUM ('mentoring', 'education', 'employment', 'psychosocial_support', 'family_support', 'religious_guidance', 'health', 'legal_aid', 'sport_youth', 'housing', 'other');

-- CreateEnum
CREATE TYPE "InterventionStatus" AS ENUM ('planned', 'active', 'completed', 'cancelled');

-- CreateTable
CREATE TABLE "intervention" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "type" "InterventionType" NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "agency_id" UUID NOT NULL,
    "assignee_id" UUID,
    "start_date" DATE,
    "due_date" DATE,
    "status" "InterventionStatus" NOT NULL DEFAULT 'planned',
    "outcome" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID NOT NULL,

    CONSTRAINT "intervention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "intervention_case_id_created_at_idx" ON "intervention"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "intervention_agency_id_status_idx" ON "intervention"("agency_id", "status");

-- CreateIndex
CREATE INDEX "intervention_assignee_id_due_date_idx" ON "intervention"("assignee_id", "due_date");

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

