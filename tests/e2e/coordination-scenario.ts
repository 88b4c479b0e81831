import type { Db } from '../../src/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeAssessor } from '../helpers/assessment-factories.js';

const DAY = 86_400_000;

/** `days` from now as a calendar day (`YYYY-MM-DD`, UTC), as date inputs and `@db.Date` columns take it. */
export const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * The starting point of the coordination journey, on the real clock (the app under test runs on it):
 * a municipality whose coordinator is a trained assessor; two partner agencies, each with a
 * practitioner; an open case (opened 100 days ago, key worker the town's social worker) whose next
 * review fell due five days ago; and the case's summary and plan disclosed to both agencies for 60
 * days. Synthetic people only.
 */
export async function coordinationScenario(db: Db) {
  const town = await makeTown(db);
  const municipalityId = town.town.id;
  await makeAssessor(db, town.coordinator);
  await db.user.update({ where: { id: town.coordinator.id }, data: { displayName: 'Nadia Karim' }, select: { id: true } });
  await db.user.update({ where: { id: town.socialWorker.id }, data: { displayName: 'Leila Haddad' }, select: { id: true } });
  const youthCentre = await makeAgency(db, municipalityId, { name: 'Crescent Youth Centre', kind: 'youth' });
  const school = await makeAgency(db, municipalityId, { name: 'Al-Nour Secondary School', kind: 'school' });
  const mentor = await makeUser(db, {
    municipalityId,
    role: 'agency_practitioner',
    agencyId: youthCentre.id,
    displayName: 'Rania Mansour',
  });
  const teacher = await makeUser(db, { municipalityId, role: 'agency_practitioner', agencyId: school.id, displayName: 'Samir Aziz' });
  const c = await makeCase(db, town, {
    keyWorkerId: town.socialWorker.id,
    stage: 'assessment',
    openedAt: new Date(Date.now() - 100 * DAY),
    summary: 'Withdrawn since leaving the football club; shares hostile videos in a class group.',
    person: { nameLatin: 'Youssef Benali', nameArabic: 'يوسف بن علي' },
  });
  const nextReviewAt = new Date(`${dayFromNow(-5)}T00:00:00Z`);
  await db.case.update({ where: { id: c.id }, data: { nextReviewAt }, select: { id: true } });
  const expiresAt = new Date(Date.now() + 60 * DAY);
  for (const agency of [youthCentre, school]) {
    await makeDisclosure(db, c, {
      agencyId: agency.id,
      sections: ['summary', 'plan'],
      purpose: 'support plan',
      createdById: town.coordinator.id,
      expiresAt,
    });
  }
  return { ...town, youthCentre, school, mentor, teacher, case: c, nextReviewAt };
}
