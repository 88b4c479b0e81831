import type { Db } from '../../src/db.js';

/** A town's own intervention type (its words for a shared core code), live or retired; synthetic labels. */
export const makeInterventionType = (db: Db, municipalityId: string, code: string, labelEn: string, retiredAt: Date | null = null) =>
  db.listItem.create({
    data: { municipalityId, list: 'intervention_type', code, labelAr: `${labelEn} (ar)`, labelFr: `${labelEn} (fr)`, labelEn, retiredAt },
    select: { id: true, code: true },
  });
