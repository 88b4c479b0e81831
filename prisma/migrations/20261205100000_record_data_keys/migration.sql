-- Record data keys (issue 14, "Retention and erasure"): each case, referral and person gets its own
-- AES-256 key, kept wrapped by the master keyring; its free text is encrypted under it. Erasure destroys
-- the key (crypto-shredding). SQL cannot encrypt: existing values stay under the master keyring until the
-- app moves them at start (src/crypto/seal-legacy.ts) or `rotate-key` does.

-- CreateEnum
CREATE TYPE "DataKeyOwner" AS ENUM ('case', 'referral', 'person');

-- CreateTable
CREATE TABLE "data_key" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "owner_kind" "DataKeyOwner" NOT NULL,
    "owner_id" UUID NOT NULL,
    "wrapped" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destroyed_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_key_pkey" PRIMARY KEY ("id"),
    -- A live key has its material; a destroyed one has none left.
    CONSTRAINT "data_key_destroyed_check" CHECK (("destroyed_at" IS NULL) = ("wrapped" IS NOT NULL))
);

-- CreateIndex
CREATE INDEX "data_key_municipality_id_idx" ON "data_key"("municipality_id");
CREATE UNIQUE INDEX "data_key_owner_kind_owner_id_key" ON "data_key"("owner_kind", "owner_id");

-- AddForeignKey
ALTER TABLE "data_key" ADD CONSTRAINT "data_key_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
