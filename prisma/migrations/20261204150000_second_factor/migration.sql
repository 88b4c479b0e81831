-- A second factor (issue 13): TOTP secrets (encrypted with the data key), single-use recovery codes (hashed),
-- a half-signed-in session state while the code is owed, the time a session last proved the factor (step-up),
-- the roles each municipality requires it of, and two-person resets.

-- AlterEnum
ALTER TYPE "AuditFlagKind" ADD VALUE 'second_factor_reset_requested';
ALTER TYPE "AuditFlagKind" ADD VALUE 'second_factor_reset_confirmed';

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN "second_factor_roles" "Role"[] DEFAULT ARRAY['coordinator', 'auditor', 'admin']::"Role"[];

-- AlterTable
ALTER TABLE "session" ADD COLUMN "second_factor_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "second_factor_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "second_factor" (
    "user_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled_at" TIMESTAMPTZ(3),
    "last_step" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "second_factor_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "second_factor_reset" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "confirmed_by" UUID,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "second_factor_reset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recovery_code_code_hash_key" ON "recovery_code"("code_hash");

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- CreateIndex
CREATE INDEX "second_factor_reset_municipality_id_requested_at_idx" ON "second_factor_reset"("municipality_id", "requested_at");

-- One open request per account (not in the Prisma schema: a partial index).
CREATE UNIQUE INDEX "second_factor_reset_open_key" ON "second_factor_reset"("user_id") WHERE "confirmed_at" IS NULL;

-- AddForeignKey
ALTER TABLE "second_factor" ADD CONSTRAINT "second_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "second_factor_reset" ADD CONSTRAINT "second_factor_reset_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "second_factor_reset" ADD CONSTRAINT "second_factor_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "second_factor_reset" ADD CONSTRAINT "second_factor_reset_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "second_factor_reset" ADD CONSTRAINT "second_factor_reset_confirmed_by_fkey" FOREIGN KEY ("confirmed_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The server enrols (a new secret replaces an unconfirmed one: DELETE) and a confirmed reset removes the
-- factor and its codes (DELETE); reset requests are kept (no DELETE).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "second_factor", "recovery_code" TO jisr_app;
    GRANT SELECT, INSERT, UPDATE ON "second_factor_reset" TO jisr_app;
  END IF;
END $$;
