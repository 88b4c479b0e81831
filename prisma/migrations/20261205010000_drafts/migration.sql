-- Drafts (issue 15, "no typed work is ever lost"): what someone typed and has not sent, kept on the
-- server for its author alone, encrypted (bound to the row), until the municipality's draft_days pass.

-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('referral', 'case_note');

-- AlterTable
ALTER TABLE "municipality" ADD COLUMN "draft_days" INTEGER NOT NULL DEFAULT 7;
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_draft_days_check" CHECK ("draft_days" BETWEEN 1 AND 90);

-- CreateTable
CREATE TABLE "draft" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "DraftKind" NOT NULL,
    "case_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "draft_pkey" PRIMARY KEY ("id"),
    -- A note's draft names its case; a referral's names none.
    CONSTRAINT "draft_case_check" CHECK (("kind" = 'case_note') = ("case_id" IS NOT NULL))
);

-- CreateIndex
CREATE INDEX "draft_author_id_updated_at_idx" ON "draft"("author_id", "updated_at" DESC);
CREATE INDEX "draft_expires_at_idx" ON "draft"("expires_at");

-- AddForeignKey
ALTER TABLE "draft" ADD CONSTRAINT "draft_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "draft" ADD CONSTRAINT "draft_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "draft" ADD CONSTRAINT "draft_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The author and the case are of the draft's municipality (the distribution key's rule).
CREATE TRIGGER "draft_author_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "author_id" ON "draft"
  FOR EACH ROW EXECUTE FUNCTION same_municipality_as_parent('app_user', 'author_id');
CREATE TRIGGER "draft_case_same_municipality" BEFORE INSERT OR UPDATE OF "municipality_id", "case_id" ON "draft"
  FOR EACH ROW WHEN (NEW."case_id" IS NOT NULL) EXECUTE FUNCTION same_municipality_as_parent('case_record', 'case_id');
