-- A keyed call's request hash was stored in clear: sha256 of the input as canonical JSON, with no secret.
-- Whoever could read the table or a backup could confirm a guess about a person offline (a name and a year
-- of birth sent to people.create, say). The hash now travels inside the sealed answer (trpc/idempotency.ts),
-- under the data key, and the column goes. Keys kept before this have no hash inside: a retry under one is
-- refused as another request's (ALREADY_SUBMITTED), never answered; they are purged within a day.
ALTER TABLE "idempotency_key" DROP COLUMN "request_hash";
