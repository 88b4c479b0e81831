-- An admin who sets another person's password can sign in as them once: the owner is told at their next
-- sign-in (who, how, when), and the auditor gets a flag for every account that can read case content.

CREATE TYPE "CredentialsSet" AS ENUM ('created', 'reset');

ALTER TABLE "app_user"
  ADD COLUMN "credentials_set_by" UUID,
  ADD COLUMN "credentials_set_at" TIMESTAMPTZ(3),
  ADD COLUMN "credentials_set_how" "CredentialsSet",
  ADD COLUMN "notice_seen_at" TIMESTAMPTZ(3),
  ADD CONSTRAINT "app_user_credentials_set_by_fkey" FOREIGN KEY ("credentials_set_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  -- A notice says how and when, or there is none.
  ADD CONSTRAINT "app_user_credentials_set_whole" CHECK (("credentials_set_at" IS NULL) = ("credentials_set_how" IS NULL));

-- Reviews (issue 13) will add statuses and the reviewer; kinds grow with ALTER TYPE … ADD VALUE.
CREATE TYPE "AuditFlagKind" AS ENUM ('privileged_account_change');
CREATE TYPE "AuditFlagStatus" AS ENUM ('open');

CREATE TABLE "audit_flag" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "kind" "AuditFlagKind" NOT NULL,
    "status" "AuditFlagStatus" NOT NULL DEFAULT 'open',
    "subject_user_id" UUID NOT NULL,
    "actor_id" UUID,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_flag_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_flag_municipality_id_created_at_id_idx" ON "audit_flag"("municipality_id", "created_at" DESC, "id" DESC);

ALTER TABLE "audit_flag" ADD CONSTRAINT "audit_flag_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_flag" ADD CONSTRAINT "audit_flag_subject_user_id_fkey" FOREIGN KEY ("subject_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_flag" ADD CONSTRAINT "audit_flag_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The server (jisr_app) writes flags and will mark them reviewed, but never removes one. The default
-- privileges of 20261204090000 would grant DELETE too: taken back here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "audit_flag" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "audit_flag" FROM jisr_app;
  END IF;
END $$;
