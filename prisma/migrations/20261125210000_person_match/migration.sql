-- Person matching: people whose key equals the query's (namesakes) are read from these covering
-- btree indexes without touching the table, so a common name answers in a few index pages however
-- large the register grows. The trigram GIN indexes stay: they serve names with fewer than ten
-- namesakes. INCLUDE is not expressible in schema.prisma, hence raw SQL (like the GIN indexes).
CREATE INDEX "person_match_skeleton" ON "person" ("municipality_id", "skeleton") INCLUDE ("id", "birth_year");
CREATE INDEX "person_match_latin_key" ON "person" ("municipality_id", "latin_key") INCLUDE ("id", "birth_year");
