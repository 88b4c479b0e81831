-- Near names, searched word by word. The nearest-first scan of person_name_key_knn read nearly the
-- whole index for every query (~800 of its ~860 pages at 1M people): a skeleton's trigrams are those
-- of its words, names are drawn from few words, so every subtree's trigram signature holds nearly
-- every trigram and no subtree can be passed over. Here each key is listed once under each of its
-- words, and the trigram index leads with the word: the nearest keys that share one word with the
-- query are read from that word's keys alone. A key among the nearest to the query shares one of
-- its words with it unless it is a near key only by slightly different words: a municipality with too
-- few keys sharing a word falls back on the whole-key scan (match-sql.ts). At 1M people the 30
-- near keys are the same (their similarities, ties aside) for the bench's 90 names, and the search
-- reads ~200 pages instead of ~800. About 200k rows at 1M people: the backfill and the index build
-- took a few minutes on the (busy) bench machine, once.
CREATE TABLE "person_name_word" (
    "municipality_id" UUID NOT NULL,
    "skeleton" TEXT NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "person_name_word_pkey" PRIMARY KEY ("municipality_id", "skeleton", "word"),
    -- A key removed (retention's anonymisation) takes its words with it.
    CONSTRAINT "person_name_word_key_fkey" FOREIGN KEY ("municipality_id", "skeleton")
        REFERENCES "person_name_key" ("municipality_id", "skeleton") ON DELETE CASCADE
);

INSERT INTO "person_name_word" ("municipality_id", "skeleton", "word")
SELECT DISTINCT k."municipality_id", k."skeleton", w.word
FROM "person_name_key" k CROSS JOIN LATERAL unnest(string_to_array(k."skeleton", ' ')) AS w(word)
WHERE w.word <> '';

-- The municipality and the word by equality (btree_gist), then nearest-first by trigram distance.
CREATE INDEX "person_name_word_knn" ON "person_name_word" USING gist ("municipality_id", "word", "skeleton" gist_trgm_ops (siglen = 64));

-- Kept as person_name_key is kept: one statement per statement that adds keys (ON CONFLICT DO
-- NOTHING there leaves only the keys really added in the transition table).
CREATE FUNCTION "person_name_word_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "person_name_word" ("municipality_id", "skeleton", "word")
  SELECT DISTINCT k."municipality_id", k."skeleton", w.word
  FROM "new_keys" k CROSS JOIN LATERAL unnest(string_to_array(k."skeleton", ' ')) AS w(word)
  WHERE w.word <> ''
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "person_name_word_on_insert" AFTER INSERT ON "person_name_key"
  REFERENCING NEW TABLE AS "new_keys" FOR EACH STATEMENT EXECUTE FUNCTION "person_name_word_add"();
