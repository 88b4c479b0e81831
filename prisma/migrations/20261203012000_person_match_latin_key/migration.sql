-- Near names: the people of each near skeleton are scored on their Latin key too. With latin_key in
-- the covering index they come from an index-only scan; before, each of up to 300 candidates was read
-- from the heap (24 of the 43 ms of a rare name's match at 1M people).
CREATE INDEX "person_match_skeleton_v2" ON "person" ("municipality_id", "skeleton") INCLUDE ("id", "birth_year", "latin_key");
DROP INDEX "person_match_skeleton";
ALTER INDEX "person_match_skeleton_v2" RENAME TO "person_match_skeleton";
