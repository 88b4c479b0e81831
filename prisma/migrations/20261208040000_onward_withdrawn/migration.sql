-- An onward referral still unanswered when its case leaves the city (a transfer accepted by another city
-- of the hub) is withdrawn: it leaves the receiving agency's inbox and can no longer be answered
-- (modules/transfers/leave.ts). When, and why (a code, never free words).
ALTER TYPE "OnwardStatus" ADD VALUE 'withdrawn';

ALTER TABLE "onward_referral" ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3),
ADD COLUMN "withdraw_reason" TEXT;

-- The new value cannot be named in the transaction that adds it, so these compare the status as text.
-- A withdrawn one was never answered: unanswered are the waiting and the withdrawn.
ALTER TABLE "onward_referral" DROP CONSTRAINT "onward_referral_answer_check";
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_answer_check"
  CHECK (("status"::text IN ('sent', 'withdrawn')) = ("answered_at" IS NULL) AND ("answered_at" IS NULL) = ("answered_by_id" IS NULL));
-- Withdrawn exactly when it says when and why.
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_withdrawn_check"
  CHECK (("status"::text = 'withdrawn') = ("withdrawn_at" IS NOT NULL AND "withdraw_reason" IS NOT NULL));
