-- An onward referral's proposed intervention names the municipality's intervention-type item the sender
-- chose (issue 16: forms offer the city's own list items); `intervention_type` keeps its core code.
ALTER TABLE "onward_referral" ADD COLUMN     "intervention_type_item_id" UUID;

-- Those sent before: the municipality's first live item of the code (as chosenItem picks for a code alone).
UPDATE "onward_referral" o SET "intervention_type_item_id" = (
  SELECT i.id FROM "list_item" i
  WHERE i.municipality_id = o.municipality_id AND i.list = 'intervention_type' AND i.code = o.intervention_type::text
  ORDER BY i.retired_at IS NOT NULL, i.sort_order, i.label_en
  LIMIT 1
) WHERE o.intervention_type IS NOT NULL;

-- AddForeignKey
ALTER TABLE "onward_referral" ADD CONSTRAINT "onward_referral_intervention_type_item_id_fkey" FOREIGN KEY ("intervention_type_item_id") REFERENCES "list_item"("id") ON DELETE SET NULL ON UPDATE CASCADE;
