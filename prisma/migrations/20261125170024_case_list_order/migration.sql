-- DropIndex
DROP INDEX "case_record_municipality_id_id_idx";

-- DropIndex
DROP INDEX "case_record_municipality_id_stage_id_idx";

-- DropIndex
DROP INDEX "case_record_key_worker_id_id_idx";

-- CreateIndex
CREATE INDEX "case_record_municipality_id_opened_at_id_idx" ON "case_record"("municipality_id", "opened_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "case_record_municipality_id_stage_opened_at_idx" ON "case_record"("municipality_id", "stage", "opened_at" DESC);

-- CreateIndex
CREATE INDEX "case_record_key_worker_id_opened_at_idx" ON "case_record"("key_worker_id", "opened_at" DESC);

