-- Subject access (issue 14): a coordinator's request for everything held about a person, reviewed and
-- released. The document is assembled on each view, never stored; only the request, its (encrypted)
-- review decisions and the release are kept.
CREATE TABLE "subject_access_request" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requester_name" TEXT,
    "language" "Locale" NOT NULL,
    "prepared_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "decisions" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "released_at" TIMESTAMPTZ(3),
    "released_by_id" UUID,
    "release_method" TEXT,
    "as_of_event_id" BIGINT,
    "digest" TEXT,

    CONSTRAINT "subject_access_request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "subject_access_request_requested_by_check" CHECK ("requested_by" IN ('person', 'guardian', 'representative')),
    CONSTRAINT "subject_access_request_release_method_check" CHECK ("release_method" IS NULL OR "release_method" IN ('handed_over', 'sent')),
    -- A release names who, when, how and what was released, all at once.
    CONSTRAINT "subject_access_request_release_whole" CHECK (
      ("released_at" IS NULL) = ("released_by_id" IS NULL) AND ("released_at" IS NULL) = ("release_method" IS NULL)
      AND ("released_at" IS NULL) = ("digest" IS NULL)
    )
);
CREATE INDEX "subject_access_request_municipality_id_person_id_created_at_idx"
  ON "subject_access_request"("municipality_id", "person_id", "created_at" DESC);
ALTER TABLE "subject_access_request" ADD CONSTRAINT "subject_access_request_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "subject_access_request" ADD CONSTRAINT "subject_access_request_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "subject_access_request" ADD CONSTRAINT "subject_access_request_prepared_by_id_fkey" FOREIGN KEY ("prepared_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "subject_access_request" ADD CONSTRAINT "subject_access_request_released_by_id_fkey" FOREIGN KEY ("released_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Requests are prepared, reviewed and released, never removed: the release is the record of what went out.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "subject_access_request" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "subject_access_request" FROM jisr_app;
  END IF;
END $$;
