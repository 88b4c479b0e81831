-- The municipality's calendar (issue 15): public holidays, kept by the admin; weekend and zone by country.

CREATE TABLE "public_holiday" (
    "id" UUID NOT NULL,
    "municipality_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" VARCHAR(100) NOT NULL,

    CONSTRAINT "public_holiday_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "public_holiday_municipality_id_date_key" ON "public_holiday"("municipality_id", "date");
ALTER TABLE "public_holiday" ADD CONSTRAINT "public_holiday_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "public_holiday" ADD CONSTRAINT "public_holiday_name_check" CHECK (length(btrim("name")) > 0);

-- More countries than the first seven (src/shared/calendar.ts holds the same table): Algeria, the Gulf,
-- Syria, Palestine, Yemen and Sudan rest on Friday and Saturday; Mauritania, the UAE and the rest on Saturday and Sunday.
CREATE OR REPLACE FUNCTION municipality_calendar_defaults() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
  IF NEW.time_zone = '' THEN
    NEW.time_zone := CASE upper(NEW.country)
      WHEN 'EG' THEN 'Africa/Cairo' WHEN 'JO' THEN 'Asia/Amman' WHEN 'IQ' THEN 'Asia/Baghdad'
      WHEN 'LY' THEN 'Africa/Tripoli' WHEN 'MA' THEN 'Africa/Casablanca' WHEN 'TN' THEN 'Africa/Tunis'
      WHEN 'LB' THEN 'Asia/Beirut' WHEN 'DZ' THEN 'Africa/Algiers' WHEN 'SA' THEN 'Asia/Riyadh'
      WHEN 'SY' THEN 'Asia/Damascus' WHEN 'PS' THEN 'Asia/Hebron' WHEN 'KW' THEN 'Asia/Kuwait'
      WHEN 'BH' THEN 'Asia/Bahrain' WHEN 'QA' THEN 'Asia/Qatar' WHEN 'OM' THEN 'Asia/Muscat'
      WHEN 'YE' THEN 'Asia/Aden' WHEN 'SD' THEN 'Africa/Khartoum' WHEN 'AE' THEN 'Asia/Dubai'
      WHEN 'MR' THEN 'Africa/Nouakchott' ELSE 'UTC' END;
  END IF;
  IF cardinality(NEW.weekend_days) = 0 THEN
    NEW.weekend_days := CASE WHEN upper(NEW.country) IN ('EG', 'JO', 'IQ', 'LY', 'DZ', 'SA', 'SY', 'PS', 'KW', 'BH', 'QA', 'OM', 'YE', 'SD')
      THEN '{5,6}'::int[] ELSE '{6,0}'::int[] END;
  END IF;
  RETURN NEW;
END $$;
