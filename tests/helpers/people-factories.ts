import type { Db } from '../../src/db.js';
import { nameKeys } from '../../src/modules/people/names.js';
import type { Cohort } from '../../src/generated/prisma/enums.js';

/** A person of a municipality, with the name keys the app derives. Synthetic names only. */
export async function makePerson(
  db: Db,
  municipalityId: string,
  data: { nameArabic?: string; nameLatin?: string; birthYear?: number; cohort?: Cohort } = {},
) {
  const nameLatin = data.nameLatin ?? (data.nameArabic ? undefined : 'Sami Test');
  const keys = nameKeys(nameLatin ?? data.nameArabic!);
  const skeleton = data.nameArabic ? nameKeys(data.nameArabic).skeleton : keys.skeleton;
  return db.person.create({
    data: {
      municipalityId,
      nameArabic: data.nameArabic ?? null,
      nameLatin: nameLatin ?? null,
      latinKey: keys.latinKey,
      skeleton,
      birthYear: data.birthYear ?? 2009,
      cohort: data.cohort ?? 'youth',
    },
    select: { id: true, municipalityId: true, nameArabic: true, nameLatin: true },
  });
}
