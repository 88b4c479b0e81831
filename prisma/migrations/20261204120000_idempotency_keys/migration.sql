-- Idempotency keys (issue 17): a write cut off by a crash may still have committed, and the user's retry
-- must not make a second person or referral. A mutation that creates records takes an Idempotency-Key
-- header; its first answer is kept here, written with the work, and a retry with the same key by the same
-- user gets it again. Keys are purged a day after by the reminder job.

-- CreateTable
CREATE TABLE "idempotency_key" (
    "user_id" UUID NOT NULL,
    "key" UUID NOT NULL,
    "procedure" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "answer" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateIndex
CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key"("created_at");

-- AddForeignKey
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The server (jisr_app) keeps answers and purges old ones.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "idempotency_key" TO jisr_app;
  END IF;
END $$;
