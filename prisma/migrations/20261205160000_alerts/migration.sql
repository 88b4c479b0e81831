-- E-mail alerts (issue 16): each user's choice per kind of alert, and the outbox the alerts job sends
-- from (claimed FOR UPDATE SKIP LOCKED, retried with backoff, failures kept for the admin).

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('referral_to_screen', 'assigned', 'onward_to_answer', 'reminder_due', 'disclosure_expiring', 'break_glass');
CREATE TYPE "AlertMode" AS ENUM ('off', 'immediate', 'digest');

-- CreateTable
CREATE TABLE "alert_preference" (
    "user_id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "mode" "AlertMode" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_preference_pkey" PRIMARY KEY ("user_id","kind"),
    CONSTRAINT "alert_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "alert_preference_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "alert_outbox" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "reminder_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "alert_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_outbox_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "alert_outbox_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- A short reference, never free text (alerts carry no personal data).
    CONSTRAINT "alert_outbox_reference_check" CHECK (length("reference") BETWEEN 1 AND 40)
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_outbox_reminder_id_key" ON "alert_outbox"("reminder_id");
CREATE INDEX "alert_outbox_sent_at_failed_at_next_attempt_at_idx" ON "alert_outbox"("sent_at", "failed_at", "next_attempt_at");
CREATE INDEX "alert_outbox_municipality_id_failed_at_idx" ON "alert_outbox"("municipality_id", "failed_at");

-- The distribution key is the recipient's municipality (see 20261204235500_distribution_key).
CREATE TRIGGER "alert_preference_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "user_id" ON "alert_preference"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'user_id');
CREATE TRIGGER "alert_outbox_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "user_id" ON "alert_outbox"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'user_id');
