import type { Db } from '../../src/db.js';
import { makeAgency, makeUser } from '../helpers/factories.js';
import { makeCase, type Town } from '../helpers/case-factories.js';

/** The words a sender writes about a case; synthetic. */
export const SUMMARY = 'Young person keen on sport, needs a mentor at the youth centre; family agrees to be contacted.';
export const DECLINE = 'No places left this term; the sport club nearer his home has room.';

/**
 * A town's case worked by its social worker (the key worker), a second agency with its own practitioner,
 * and the listed purpose a disclosure on acceptance is made for.
 */
export async function onwardScene(db: Db, town: Town) {
  const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, stage: 'planning' });
  const other = await makeAgency(db, town.town.id, { name: `Sport club ${c.id.slice(0, 6)}` });
  const otherPractitioner = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: other.id });
  const purpose = await db.disclosurePurpose.findFirstOrThrow({
    where: { municipalityId: town.town.id, code: 'support_services' },
    select: { id: true },
  });
  return { c, other, otherPractitioner, purposeId: purpose.id };
}

/** The audit events about `entityId`, oldest first: [actor, action, outcome]. */
export async function trail(db: Db, entityId: string) {
  const events = await db.auditEvent.findMany({
    where: { entityId },
    orderBy: { id: 'asc' },
    select: { actorId: true, action: true, outcome: true },
  });
  return events.map((e) => [e.actorId, e.action, e.outcome]);
}
