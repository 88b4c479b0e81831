-- Retention and erasure (issue 14): per-municipality retention rules by record type, legal holds on cases,
-- deletion certificates, and the mark each anonymised person, referral and case carries.

-- CreateEnum
CREATE TYPE "RetentionRecordType" AS ENUM ('referral_closed', 'referral_signposted', 'case_closed');

-- AlterTable
ALTER TABLE "person" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
ALTER TABLE "referral" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3),
  ADD COLUMN "anonymised_rule" "RetentionRecordType";
ALTER TABLE "case_record" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3),
  ADD COLUMN "anonymised_rule" "RetentionRecordType";
ALTER TABLE "referral" ADD CONSTRAINT "referral_anonymised_check" CHECK (("anonymised_at" IS NULL) = ("anonymised_rule" IS NULL));
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_anonymised_check" CHECK (("anonymised_at" IS NULL) = ("anonymised_rule" IS NULL));

-- CreateTable
CREATE TABLE "retention_rule" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "record_type" "RetentionRecordType" NOT NULL,
    "months" INTEGER NOT NULL,
    "legal_reference" VARCHAR(300) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,

    CONSTRAINT "retention_rule_pkey" PRIMARY KEY ("id"),
    -- The same bounds as the form (modules/retention/schema.ts): one month to ten years.
    CONSTRAINT "retention_rule_months_check" CHECK ("months" BETWEEN 1 AND 120),
    CONSTRAINT "retention_rule_reference_check" CHECK (length(btrim("legal_reference")) >= 3)
);

CREATE TABLE "legal_hold" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "reason" TEXT,
    "placed_by_id" UUID NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "lifted_by_id" UUID,
    "lifted_at" TIMESTAMPTZ(3),

    CONSTRAINT "legal_hold_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "legal_hold_lifted_check" CHECK (("lifted_at" IS NULL) = ("lifted_by_id" IS NULL))
);

CREATE TABLE "deletion_certificate" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "record_type" "RetentionRecordType" NOT NULL,
    "months" INTEGER NOT NULL,
    "legal_reference" VARCHAR(300) NOT NULL,
    "ran_at" TIMESTAMPTZ(3) NOT NULL,
    "counts" JSONB NOT NULL,
    "audit_event_id" BIGINT NOT NULL,
    "audit_seq" INTEGER NOT NULL,
    "audit_hash" TEXT NOT NULL,

    CONSTRAINT "deletion_certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "retention_rule_municipality_id_record_type_key" ON "retention_rule"("municipality_id", "record_type");
CREATE INDEX "legal_hold_case_id_placed_at_idx" ON "legal_hold"("case_id", "placed_at" DESC);
-- One live hold per case.
CREATE UNIQUE INDEX "legal_hold_one_live" ON "legal_hold"("case_id") WHERE "lifted_at" IS NULL;
CREATE INDEX "deletion_certificate_municipality_id_ran_at_idx" ON "deletion_certificate"("municipality_id", "ran_at" DESC);

-- AddForeignKey
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_placed_by_id_fkey" FOREIGN KEY ("placed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_lifted_by_id_fkey" FOREIGN KEY ("lifted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deletion_certificate" ADD CONSTRAINT "deletion_certificate_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The case and the accounts are of the row's municipality (the distribution key's rule).
CREATE TRIGGER "legal_hold_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "legal_hold"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');
CREATE TRIGGER "legal_hold_placed_by_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "placed_by_id" ON "legal_hold"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'placed_by_id');

-- A certificate is the record of what went: written once, never changed or removed. A hold is lifted
-- (UPDATE) and its reason re-encrypted on key rotation, never removed: a lifted hold stays as history.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT ON "deletion_certificate" TO jisr_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "deletion_certificate" FROM jisr_app;
    GRANT SELECT, INSERT, UPDATE ON "legal_hold" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "legal_hold" FROM jisr_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON "retention_rule" TO jisr_app;
  END IF;
END $$;
