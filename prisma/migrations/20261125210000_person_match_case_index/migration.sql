-- A matched person's cases load by person_id (people.match, people.get): since relations load by
-- LATERAL join, a missing index meant one scan of case_record per candidate (10 x 77 ms at 100k cases).
-- Prisma's own name for it, so `@@index([personId])` on Case in schema.prisma describes this index.
CREATE INDEX "case_record_person_id_idx" ON "case_record"("person_id");
