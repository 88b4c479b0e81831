-- Consent records (issue 14, "consent that means something"): who gave consent, for which purposes and
-- recipients, how, when and until when; renewal is a new row, withdrawal and expiry end the disclosures
-- resting on it (disclosure.consent_id).

-- AlterEnum
ALTER TYPE "ReminderKind" ADD VALUE 'consent_expiring';

-- CreateTable
CREATE TABLE "consent" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "given_by" "ConsentBy" NOT NULL,
    "giver_name" TEXT,
    "relationship" TEXT,
    "purposes" TEXT[],
    "any_partner" BOOLEAN NOT NULL,
    "agency_ids" UUID[],
    "method" TEXT NOT NULL,
    "form_reference" TEXT,
    "given_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "scope" TEXT,
    "referral_id" UUID,
    "recorded_by_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    "renews_id" UUID,
    "renewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "consent_expiry_check" CHECK ("expires_at" > "given_at"),
    CONSTRAINT "consent_method_check" CHECK ("method" IN ('verbal', 'written', 'unrecorded')),
    -- A written consent names its paper form; a guardian is named with their relationship (migrated rows excepted).
    CONSTRAINT "consent_form_check" CHECK ("method" <> 'written' OR "form_reference" IS NOT NULL),
    CONSTRAINT "consent_recipients_check" CHECK ("any_partner" OR cardinality("agency_ids") > 0)
);

-- AlterTable
ALTER TABLE "disclosure" ADD COLUMN "consent_id" UUID, ADD COLUMN "consent_purpose" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "consent_renews_id_key" ON "consent"("renews_id");
CREATE INDEX "consent_case_id_given_at_idx" ON "consent"("case_id", "given_at" DESC);
CREATE INDEX "consent_municipality_id_expires_at_idx" ON "consent"("municipality_id", "expires_at");
CREATE INDEX "disclosure_consent_id_idx" ON "disclosure"("consent_id");

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent" ADD CONSTRAINT "consent_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent" ADD CONSTRAINT "consent_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent" ADD CONSTRAINT "consent_renews_id_fkey" FOREIGN KEY ("renews_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent" ADD CONSTRAINT "consent_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "consent" ADD CONSTRAINT "consent_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The case is of the consent's municipality (the distribution key's rule).
CREATE TRIGGER "consent_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "consent"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');

-- Today's consents become records. A referral's consent was general (no purposes, no recipients, no
-- expiry), so its record covers every purpose and any partner agency, as it did; its scope text stays
-- where the referrer wrote it (referral.consent_scope, named by referral_id). It expires a year after
-- it was given, but never sooner than 90 days from this upgrade: the key worker is reminded 14 days
-- before and can renew it, instead of every consent-based disclosure ending on upgrade day.
INSERT INTO "consent" ("id", "municipality_id", "case_id", "given_by", "purposes", "any_partner", "agency_ids", "method",
                       "given_at", "expires_at", "referral_id", "recorded_at", "withdrawn_at")
SELECT gen_random_uuid(), c.municipality_id, c.id, COALESCE(r.consent_by, 'person'),
       ARRAY['assessment', 'support_services', 'panel_review', 'education', 'health', 'follow_up'], true, '{}', 'unrecorded',
       COALESCE(r.consent_at, c.opened_at),
       GREATEST(COALESCE(r.consent_at, c.opened_at) + interval '1 year', now() + interval '90 days'),
       r.id, now(), c.consent_withdrawn_at
FROM "case_record" c JOIN "referral" r ON r.id = c.referral_id
WHERE r.consent_given;

-- The consent-based disclosures of those cases rest on the record made for them.
UPDATE "disclosure" d SET "consent_id" = k.id
FROM "consent" k
WHERE k.case_id = d.case_id AND d.legal_basis = 'consent';
