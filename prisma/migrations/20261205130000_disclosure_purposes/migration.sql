-- Purpose limitation (issue 14, "Also"): a disclosure's purpose comes from the municipality's list of
-- purposes, each mapped to a shared core code; the free words become optional. Existing disclosures keep
-- their words and are mapped to the municipality's 'other' purpose.

-- CreateEnum
CREATE TYPE "PurposeCode" AS ENUM ('prevention', 'safeguarding', 'support_services', 'education', 'health', 'employment', 'panel_review', 'follow_up', 'criminal_investigation', 'other');

-- CreateTable
CREATE TABLE "disclosure_purpose" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipality_id" UUID NOT NULL,
    "code" "PurposeCode" NOT NULL,
    "label_ar" VARCHAR(160) NOT NULL,
    "label_fr" VARCHAR(160) NOT NULL,
    "label_en" VARCHAR(160) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disclosure_purpose_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "disclosure_purpose_municipality_id_label_en_key" ON "disclosure_purpose"("municipality_id", "label_en");

ALTER TABLE "disclosure_purpose" ADD CONSTRAINT "disclosure_purpose_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The defaults every municipality starts with, one per core code (the admin adds, relabels and retires).
CREATE FUNCTION jisr_default_purposes(town UUID) RETURNS void LANGUAGE sql AS $$
  INSERT INTO disclosure_purpose (municipality_id, code, label_ar, label_fr, label_en) VALUES
    (town, 'prevention', 'الوقاية من التطرف العنيف', 'Prévention de l''extrémisme violent', 'Prevention of violent extremism'),
    (town, 'safeguarding', 'حماية طفل أو شخص في وضعية هشاشة', 'Protection d''un enfant ou d''une personne vulnérable', 'Safeguarding a child or vulnerable person'),
    (town, 'support_services', 'خدمات الدعم والمرافقة', 'Services d''accompagnement', 'Support services'),
    (town, 'education', 'التعليم والتكوين', 'Éducation et formation', 'Education and training'),
    (town, 'health', 'الرعاية الصحية', 'Soins de santé', 'Health care'),
    (town, 'employment', 'التشغيل والدخل', 'Emploi et revenus', 'Employment and income'),
    (town, 'panel_review', 'الدراسة في اجتماع اللجنة', 'Examen en réunion de la cellule', 'Panel review'),
    (town, 'follow_up', 'المتابعة بعد إغلاق الملف', 'Suivi après clôture', 'Follow-up after closure'),
    (town, 'criminal_investigation', 'التحقيق الجنائي', 'Enquête pénale', 'Criminal investigation'),
    (town, 'other', 'غرض آخر (انظر التوضيح)', 'Autre (voir les précisions)', 'Other (see the words)')
$$;

CREATE FUNCTION municipality_default_purposes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM jisr_default_purposes(NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER municipality_default_purposes AFTER INSERT ON municipality
  FOR EACH ROW EXECUTE FUNCTION municipality_default_purposes();

SELECT jisr_default_purposes(id) FROM municipality;

-- Existing disclosures: the 'other' purpose, their words kept in "purpose".
ALTER TABLE "disclosure" ADD COLUMN "purpose_id" UUID;
UPDATE "disclosure" d SET "purpose_id" = p.id
  FROM "disclosure_purpose" p WHERE p.municipality_id = d.municipality_id AND p.code = 'other';
ALTER TABLE "disclosure" ALTER COLUMN "purpose_id" SET NOT NULL;
ALTER TABLE "disclosure" ALTER COLUMN "purpose" DROP NOT NULL;
ALTER TABLE "disclosure" ADD CONSTRAINT "disclosure_purpose_id_fkey" FOREIGN KEY ("purpose_id") REFERENCES "disclosure_purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "disclosure_purpose_id_idx" ON "disclosure"("purpose_id");

-- The server adds, relabels, retires and restores purposes; it never removes one (disclosures name them).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jisr_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "disclosure_purpose" TO jisr_app;
    REVOKE DELETE, TRUNCATE ON "disclosure_purpose" FROM jisr_app;
  END IF;
END $$;
