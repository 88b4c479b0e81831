-- The default assessment framework: a structured professional-judgement form with risk factors in
-- three domains (engagement, intent, capability) and protective factors. Synthetic wording written
-- for Jisr; a municipality's admin may relabel, reorder, retire or add factors afterwards.
-- Every new municipality gets the defaults (trigger below); existing ones are backfilled.

CREATE FUNCTION assessment_default_factors(town UUID) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "assessment_factor" ("id", "municipality_id", "domain", "code", "label_ar", "label_fr", "label_en", "position", "active", "created_at", "updated_at")
  SELECT gen_random_uuid(), town, d.domain::"FactorDomain", d.code, d.label_ar, d.label_fr, d.label_en, d.position, true, now(), now()
  FROM (VALUES
    ('engagement', 'eng_grievance', 'الشعور بالظلم أو المظلومية الذي يطبع نظرة الشخص إلى العالم',
      'Sentiment d''injustice ou de grief qui façonne la vision du monde', 'Sense of grievance or injustice shaping how the person sees the world', 1),
    ('engagement', 'eng_belonging', 'البحث عن الهوية أو الانتماء أو المعنى من خلال جماعة أو قضية',
      'Recherche d''identité, d''appartenance ou de sens à travers un groupe ou une cause', 'Need for identity, belonging or meaning sought through a group or cause', 2),
    ('engagement', 'eng_contacts', 'التواصل مع أشخاص أو فضاءات إلكترونية تروّج للعداء أو العنف',
      'Contacts avec des personnes ou des espaces en ligne qui prônent l''hostilité ou la violence', 'Contact with people or online spaces that promote hostility or violence', 3),
    ('engagement', 'eng_transition', 'القابلية للتأثر خلال أزمة شخصية أو مرحلة انتقالية',
      'Vulnérabilité à l''influence lors d''une crise personnelle ou d''une transition', 'Susceptibility to influence during a personal crisis or transition', 4),
    ('intent', 'int_dehumanising', 'خطاب ينزع الإنسانية عن جماعة أخرى أو يحمّلها اللوم',
      'Discours qui déshumanise ou accuse un autre groupe', 'Talk that dehumanises or blames another group', 1),
    ('intent', 'int_justifies_violence', 'تبرير العنف أو تأييده من أجل قضية',
      'Justification ou approbation de la violence au nom d''une cause', 'Justifies or approves of violence for a cause', 2),
    ('intent', 'int_rigid_thinking', 'تفكير جامد قائم على منطق «نحن ضدهم» ورفض الحوار',
      'Pensée rigide « eux contre nous » et refus du dialogue', 'Rigid us-versus-them thinking and refusal of dialogue', 3),
    ('intent', 'int_stated_harm', 'نوايا أو خطط معلنة لإلحاق الأذى بالآخرين',
      'Intentions ou projets déclarés de nuire à autrui', 'Stated intentions or plans to harm others', 4),
    ('capability', 'cap_skills', 'مهارات أو معارف أو تدريب يمكن استخدامها لإلحاق الأذى',
      'Compétences, connaissances ou formation pouvant servir à nuire', 'Skills, knowledge or training that could be used to cause harm', 1),
    ('capability', 'cap_means', 'الوصول إلى أسلحة أو مواد أو شبكات قد تتيح إلحاق الأذى',
      'Accès à des armes, du matériel ou des réseaux susceptibles de faciliter un passage à l''acte', 'Access to weapons, materials or networks that could enable harm', 2),
    ('capability', 'cap_history', 'سوابق سلوك عنيف أو إجرامي',
      'Antécédents de comportements violents ou délinquants', 'History of violent or criminal behaviour', 3),
    ('capability', 'cap_practical_support', 'دعم عملي من آخرين لفعل مؤذٍ',
      'Soutien pratique d''autres personnes à une action nuisible', 'Practical support from others for a harmful act', 4),
    ('protective', 'pro_family', 'علاقات أسرية داعمة أو وجود شخص بالغ موثوق',
      'Relations familiales soutenantes ou adulte de confiance', 'Supportive family relationships or a trusted adult', 1),
    ('protective', 'pro_education_work', 'الانخراط في التعليم أو التدريب أو العمل',
      'Engagement dans les études, une formation ou un emploi', 'Engaged in education, training or work', 2),
    ('protective', 'pro_community', 'روابط إيجابية مع المجتمع أو الأقران أو جماعة إيمانية ترفض العنف',
      'Liens positifs avec la communauté, les pairs ou une communauté de foi qui rejettent la violence', 'Positive ties to community, peers or faith that reject violence', 3),
    ('protective', 'pro_engages_support', 'الاستعداد للتعامل مع الدعم والخدمات',
      'Disposition à s''engager avec l''accompagnement et les services', 'Willingness to engage with support and services', 4)
  ) AS d(domain, code, label_ar, label_fr, label_en, position)
  ON CONFLICT ("municipality_id", "code") DO NOTHING;
$$;

CREATE FUNCTION municipality_seed_assessment_factors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM assessment_default_factors(NEW."id");
  RETURN NULL;
END
$$;

CREATE TRIGGER municipality_assessment_factors AFTER INSERT ON "municipality"
  FOR EACH ROW EXECUTE FUNCTION municipality_seed_assessment_factors();

-- Backfill: every municipality that exists before this migration.
SELECT assessment_default_factors("id") FROM "municipality";
