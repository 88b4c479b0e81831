-- Per-municipality lists mapped to shared core codes (issue 16, "The regional hub"): cohorts, concern
-- categories, intervention types and closure reasons. Each municipality words its own items (ar/fr/en),
-- orders, adds and retires them; every item names one shared core code, which records keep in their enum
-- columns (statistics and the hub count those) beside the item chosen.

-- CreateEnum
CREATE TYPE "ListKind" AS ENUM ('cohort', 'concern_category', 'intervention_type', 'closure_reason');

-- CreateTable
CREATE TABLE "list_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "list" "ListKind" NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label_ar" VARCHAR(160) NOT NULL,
    "label_fr" VARCHAR(160) NOT NULL,
    "label_en" VARCHAR(160) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "list_item_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "list_item_municipality_id_list_label_en_key" ON "list_item"("municipality_id", "list", "label_en");
CREATE INDEX "list_item_municipality_id_list_sort_order_idx" ON "list_item"("municipality_id", "list", "sort_order");
ALTER TABLE "list_item" ADD CONSTRAINT "list_item_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The core codes of each list (src/shared/lists.ts LIST_CODES). 'transferred' is on no list: only an
-- accepted transfer between cities sets it.
ALTER TABLE "list_item" ADD CONSTRAINT "list_item_code" CHECK (
  CASE "list"
    WHEN 'cohort' THEN "code" IN ('youth', 'returnee', 'returnee_family', 'migrant', 'other')
    WHEN 'concern_category' THEN "code" IN ('violent_rhetoric', 'online_radicalisation', 'contact_with_extremists',
      'travel_intent', 'family_concern', 'school_behaviour', 'isolation', 'trauma', 'hate_incident', 'other')
    WHEN 'intervention_type' THEN "code" IN ('mentoring', 'education', 'employment', 'psychosocial_support',
      'family_support', 'religious_guidance', 'health', 'legal_aid', 'sport_youth', 'housing', 'other')
    WHEN 'closure_reason' THEN "code" IN ('risk_removed', 'risk_reduced', 'moved_away', 'disengaged', 'referred_elsewhere', 'other')
  END
);

-- The items every municipality starts with, one per core code, in the shared order.
CREATE FUNCTION jisr_default_list_items(town UUID) RETURNS void LANGUAGE sql AS $$
  INSERT INTO list_item (municipality_id, list, code, label_ar, label_fr, label_en, sort_order)
  SELECT town, d.list::"ListKind", d.code, d.ar, d.fr, d.en, d.n * 10 FROM (VALUES
    ('cohort', 'youth', 'شاب أو يافع', 'Jeune', 'Young person', 1),
    ('cohort', 'returnee', 'عائد', 'Personne de retour', 'Returnee', 2),
    ('cohort', 'returnee_family', 'فرد من أسرة عائد', 'Proche d’une personne de retour', 'Family member of a returnee', 3),
    ('cohort', 'migrant', 'مهاجر أو وافد جديد', 'Migrant ou nouvel arrivant', 'Migrant or newcomer', 4),
    ('cohort', 'other', 'أخرى', 'Autre', 'Other', 5),
    ('concern_category', 'violent_rhetoric', 'خطاب عنيف', 'Discours violent', 'Violent rhetoric', 1),
    ('concern_category', 'online_radicalisation', 'تطرّف عبر الإنترنت', 'Radicalisation en ligne', 'Online radicalisation', 2),
    ('concern_category', 'contact_with_extremists', 'تواصل مع متطرفين', 'Contacts avec des extrémistes', 'Contact with extremists', 3),
    ('concern_category', 'travel_intent', 'نية السفر إلى منطقة نزاع', 'Intention de partir vers une zone de conflit', 'Intent to travel to a conflict zone', 4),
    ('concern_category', 'family_concern', 'قلق أبدته الأسرة', 'Inquiétude exprimée par la famille', 'Concern raised by the family', 5),
    ('concern_category', 'school_behaviour', 'سلوك في المدرسة', 'Comportement à l’école', 'Behaviour at school', 6),
    ('concern_category', 'isolation', 'عزلة', 'Isolement', 'Isolation', 7),
    ('concern_category', 'trauma', 'صدمة نفسية', 'Traumatisme', 'Trauma', 8),
    ('concern_category', 'hate_incident', 'حادثة كراهية', 'Incident haineux', 'Hate incident', 9),
    ('concern_category', 'other', 'أخرى', 'Autre', 'Other', 10),
    ('intervention_type', 'mentoring', 'إرشاد وتوجيه', 'Mentorat', 'Mentoring', 1),
    ('intervention_type', 'education', 'تعليم', 'Éducation', 'Education', 2),
    ('intervention_type', 'employment', 'عمل وتوظيف', 'Emploi', 'Employment', 3),
    ('intervention_type', 'psychosocial_support', 'دعم نفسي اجتماعي', 'Soutien psychosocial', 'Psychosocial support', 4),
    ('intervention_type', 'family_support', 'دعم الأسرة', 'Soutien familial', 'Family support', 5),
    ('intervention_type', 'religious_guidance', 'توجيه ديني أو فكري', 'Accompagnement religieux ou idéologique', 'Religious or ideological guidance', 6),
    ('intervention_type', 'health', 'صحة', 'Santé', 'Health', 7),
    ('intervention_type', 'legal_aid', 'مساعدة قانونية', 'Aide juridique', 'Legal aid', 8),
    ('intervention_type', 'sport_youth', 'أنشطة رياضية وشبابية', 'Sport et activités jeunesse', 'Sport and youth activities', 9),
    ('intervention_type', 'housing', 'سكن', 'Logement', 'Housing', 10),
    ('intervention_type', 'other', 'أخرى', 'Autre', 'Other', 11),
    ('closure_reason', 'risk_removed', 'زال الخطر', 'Risque écarté', 'Risk removed', 1),
    ('closure_reason', 'risk_reduced', 'انخفض الخطر', 'Risque réduit', 'Risk reduced', 2),
    ('closure_reason', 'moved_away', 'انتقل إلى مكان آخر', 'A déménagé', 'Moved away', 3),
    ('closure_reason', 'disengaged', 'انقطع عن المشاركة', 'S’est désengagé', 'Disengaged', 4),
    ('closure_reason', 'referred_elsewhere', 'أُحيل إلى جهة أخرى', 'Orienté vers un autre service', 'Referred to another service', 5),
    ('closure_reason', 'other', 'آخر', 'Autre', 'Other', 6)
  ) AS d(list, code, ar, fr, en, n)
$$;

CREATE FUNCTION municipality_default_list_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM jisr_default_list_items(NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER municipality_default_list_items AFTER INSERT ON municipality
  FOR EACH ROW EXECUTE FUNCTION municipality_default_list_items();

SELECT jisr_default_list_items(id) FROM municipality;

-- The records name the item chosen beside the core code they keep.
ALTER TABLE "referral" ADD COLUMN "cohort_item_id" UUID,
  ADD COLUMN "concern_item_ids" UUID[] DEFAULT ARRAY[]::UUID[];
ALTER TABLE "case_record" ADD COLUMN "cohort_item_id" UUID, ADD COLUMN "closure_item_id" UUID;
ALTER TABLE "intervention" ADD COLUMN "type_item_id" UUID;

-- Existing records: the municipality's default item of their core code.
UPDATE "referral" r SET "cohort_item_id" = i.id
  FROM "list_item" i WHERE i.municipality_id = r.municipality_id AND i.list = 'cohort' AND i.code = r.cohort::text;
UPDATE "referral" r SET "concern_item_ids" = COALESCE((
  SELECT array_agg(i.id ORDER BY i.sort_order) FROM "list_item" i
   WHERE i.municipality_id = r.municipality_id AND i.list = 'concern_category' AND i.code = ANY (r.concern_categories)), ARRAY[]::UUID[]);
UPDATE "case_record" c SET "cohort_item_id" = i.id
  FROM "list_item" i WHERE i.municipality_id = c.municipality_id AND i.list = 'cohort' AND i.code = c.cohort::text;
UPDATE "case_record" c SET "closure_item_id" = i.id
  FROM "list_item" i WHERE i.municipality_id = c.municipality_id AND i.list = 'closure_reason' AND i.code = c.closure_reason::text;
UPDATE "intervention" v SET "type_item_id" = i.id
  FROM "list_item" i WHERE i.municipality_id = v.municipality_id AND i.list = 'intervention_type' AND i.code = v.type::text;

ALTER TABLE "referral" ADD CONSTRAINT "referral_cohort_item_id_fkey" FOREIGN KEY ("cohort_item_id") REFERENCES "list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_cohort_item_id_fkey" FOREIGN KEY ("cohort_item_id") REFERENCES "list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_closure_item_id_fkey" FOREIGN KEY ("closure_item_id") REFERENCES "list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_type_item_id_fkey" FOREIGN KEY ("type_item_id") REFERENCES "list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The server adds, relabels, reorders, retires and restores items; it never removes one (records name them).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "list_item" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "list_item" FROM jisr_app;
  END IF;
END $$;
