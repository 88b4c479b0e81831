-- Case transfers between cities of one hub (issue 16, "A family that moves city"): the proposal (sending
-- city), and the sections the receiving case got, re-sealed under its own key.
CREATE TYPE "TransferSection" AS ENUM ('summary', 'plan', 'assessments', 'notes');
CREATE TYPE "TransferStatus" AS ENUM ('proposed', 'accepted', 'declined', 'withdrawn');

CREATE TABLE "case_transfer" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "receiving_municipality_id" UUID NOT NULL,
    "hub_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "sections" "TransferSection"[],
    "legal_basis" "LegalBasis" NOT NULL,
    "consent_id" UUID,
    "justification" TEXT,
    "status" "TransferStatus" NOT NULL DEFAULT 'proposed',
    "proposed_by_id" UUID NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decline_reason" TEXT,
    "receiving_case_id" UUID,
    CONSTRAINT "case_transfer_pkey" PRIMARY KEY ("id"),
    -- Never to itself; on consent a consent, otherwise the justification; a decline has its reason.
    CONSTRAINT "case_transfer_other_city" CHECK ("receiving_municipality_id" <> "municipality_id"),
    CONSTRAINT "case_transfer_basis" CHECK (
      ("legal_basis" = 'consent' AND "consent_id" IS NOT NULL) OR ("legal_basis" <> 'consent' AND "justification" IS NOT NULL)),
    CONSTRAINT "case_transfer_declined" CHECK ("status" <> 'declined' OR "decline_reason" IS NOT NULL),
    CONSTRAINT "case_transfer_accepted" CHECK (("status" = 'accepted') = ("receiving_case_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "case_transfer_receiving_case_id_key" ON "case_transfer"("receiving_case_id");
CREATE INDEX "case_transfer_municipality_id_case_id_idx" ON "case_transfer"("municipality_id", "case_id");
CREATE INDEX "case_transfer_receiving_municipality_id_status_proposed_at_idx"
  ON "case_transfer"("receiving_municipality_id", "status", "proposed_at" DESC);
-- One open proposal per case at a time.
CREATE UNIQUE INDEX "case_transfer_one_open" ON "case_transfer"("case_id") WHERE "status" = 'proposed';

ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_receiving_municipality_id_fkey" FOREIGN KEY ("receiving_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_hub_id_fkey" FOREIGN KEY ("hub_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer" ADD CONSTRAINT "case_transfer_receiving_case_id_fkey" FOREIGN KEY ("receiving_case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "case_transfer_copy" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "transfer_id" UUID NOT NULL,
    "section" "TransferSection" NOT NULL,
    "content" TEXT NOT NULL,
    CONSTRAINT "case_transfer_copy_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_transfer_copy_case_id_section_key" ON "case_transfer_copy"("case_id", "section");
ALTER TABLE "case_transfer_copy" ADD CONSTRAINT "case_transfer_copy_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer_copy" ADD CONSTRAINT "case_transfer_copy_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_transfer_copy" ADD CONSTRAINT "case_transfer_copy_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "case_transfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The sending side's rows are the sending city's; the receiving case and its copies are the receiving city's.
CREATE TRIGGER "case_transfer_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "case_transfer"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');
CREATE TRIGGER "case_transfer_proposer_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "proposed_by_id" ON "case_transfer"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'proposed_by_id');
CREATE TRIGGER "case_transfer_copy_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "case_transfer_copy"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');

-- A transfer is decided or withdrawn, never removed; the copies are written once.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "case_transfer" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "case_transfer" FROM jisr_app;
    GRANT SELECT, INSERT ON "case_transfer_copy" TO jisr_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "case_transfer_copy" FROM jisr_app;
  END IF;
END $$;
