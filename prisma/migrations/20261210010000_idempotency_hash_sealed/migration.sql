-- A keyed call's request hash was stored in clear: sha256 of the input as canonical JSON, with no secret.
-- Whoever could read the table or a backup could confirm a guess about a person offline (a name and a year
-- of birth sent to people.create, say). The hash now travels inside the sealed answer (trpc/idempotency.ts),
-- under the data key, and the clear column is emptied and no longer written.
--
-- It is emptied, not dropped, so that replicas still running the previous release during a rolling
-- deploy keep working: they write the column (now nullable) and read it; a NULL never equals their hash,
-- so they refuse a retry under a key kept by the new release (ALREADY_SUBMITTED) rather than answer it.
-- A later release drops it. Keys kept before this have no hash inside their sealed answer: a retry under
-- one is refused the same way, never answered; they are purged within a day. The old values stay in dead
-- row versions until VACUUM reclaims them (and in backups taken before): run VACUUM on idempotency_key
-- after the first purge if that matters to you.
ALTER TABLE "idempotency_key" ALTER COLUMN "request_hash" DROP NOT NULL;
UPDATE "idempotency_key" SET "request_hash" = NULL;
