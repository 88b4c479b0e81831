-- Issue 16: a year of statistics (and of the hub's figures) at 100k cases took ~2 s. Each count read its rows
-- from the tables themselves: the referral table's rows are wide (the concern's ciphertext), so counting a year
-- of referrals read the whole table, and the cases' age bands fetched each person by primary key. These
-- covering indexes hold just what the counts group by (src/modules/statistics/queries.ts), so each count is an
-- index-only scan of its municipality's period.
CREATE INDEX "referral_statistics_idx" ON "referral" ("municipality_id", "submitted_at") INCLUDE ("cohort", "source", "urgency", "decided_at");
CREATE INDEX "case_record_statistics_idx" ON "case_record" ("municipality_id", "opened_at") INCLUDE ("stage", "person_id");
CREATE INDEX "person_birth_year_idx" ON "person" ("municipality_id", "id") INCLUDE ("birth_year");
