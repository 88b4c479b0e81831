-- Break-glass ended early (issue 13): the requester may end their emergency access before it expires.
-- An ended grant reaches nothing more; the flag and the timeline show when it ended.
ALTER TABLE "break_glass"
  ADD COLUMN "ended_at" TIMESTAMPTZ(3),
  ADD CONSTRAINT "break_glass_ended_within" CHECK ("ended_at" IS NULL OR ("ended_at" >= "granted_at" AND "ended_at" <= "expires_at"));
