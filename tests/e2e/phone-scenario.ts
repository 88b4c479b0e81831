import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { evaluateMunicipality } from '../../src/modules/audit/rules/run.js';
import { testKeyring } from '../helpers/callers.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeAssessment } from '../helpers/assessment-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { makeIntervention, makeTask } from '../helpers/work-factories.js';
import { coordinationScenario } from './coordination-scenario.js';

const DAY = 86_400_000;

export type Role = 'social_worker' | 'coordinator' | 'agency_practitioner' | 'auditor' | 'admin';

/** Eleven refused case reads by the social worker: the auditor gets a repeated_denials flag to open. */
async function raiseFlag(db: Db, municipalityId: string, socialWorkerId: string) {
  const at = new Date(Date.now() - 2 * 3_600_000);
  const trail = new AuditTrail(
    { municipalityId, actorId: socialWorkerId, actorRole: 'social_worker', requestId: 'test', ip: null },
    () => at,
  );
  for (let i = 0; i < 11; i++) trail.record({ action: 'case.read', entityType: 'Case', entityId: randomUUID(), outcome: 'denied' });
  await trail.flush(db);
  await evaluateMunicipality(db, municipalityId, { clock: () => new Date(at.getTime() + 60_000) });
  const flag = await db.auditFlag.findFirstOrThrow({ where: { municipalityId }, select: { id: true } });
  return flag.id;
}

/**
 * A town with something on every page (synthetic people only): the coordination scenario's shared
 * case with two assessments (a trend), a plan, a task, a panel meeting; a referral of each referrer;
 * a case with no key worker (the social worker's emergency access page) and an audit flag. Returns,
 * per role, who signs in and the detail pages (with real ids) that role can open; the pages in
 * the menu are read from the menu itself.
 */
export async function phoneScenario(db: Db) {
  const s = await coordinationScenario(db);
  const c = s.case;
  for (const days of [60, 10]) await makeAssessment(db, c, { assessorId: s.coordinator.id, assessedAt: new Date(Date.now() - days * DAY) });
  await makeIntervention(db, c, { agencyId: s.youthCentre.id, createdById: s.coordinator.id, assigneeId: s.mentor.id });
  await makeTask(db, c, { createdById: s.coordinator.id, assigneeId: s.socialWorker.id, dueDate: new Date(Date.now() + 3 * DAY) });
  const meeting = await makeMeeting(db, s, {
    cases: [c],
    agencyIds: [s.youthCentre.id],
    userIds: [s.socialWorker.id],
    scheduledAt: new Date(Date.now() + 7 * DAY),
  });
  const byWorker = await makeReferral(db, testKeyring, { town: s, referrer: s.socialWorker });
  const byMentor = await makeReferral(db, testKeyring, { town: s, referrer: s.mentor });
  const unassigned = await makeCase(db, s, { keyWorkerId: null });
  const flagId = await raiseFlag(db, s.town.id, s.socialWorker.id);
  // Pages that stand in for all others: a one-time password to replace, a second factor to set up.
  const enrolling = await makeMunicipality(db, { secondFactorRoles: ['coordinator'] });
  const forced = {
    password: await makeUser(db, { municipalityId: s.town.id, role: 'social_worker', mustChangePassword: true, locale: 'ar' }),
    factor: await makeUser(db, { municipalityId: enrolling.id, role: 'coordinator', locale: 'ar' }),
  };
  const detail: Record<Role, string[]> = {
    coordinator: [`/cases/${c.id}`, `/cases/${unassigned.id}`, `/referrals/${byWorker.id}`, `/meetings/${meeting.id}`],
    social_worker: [`/cases/${c.id}`, `/cases/${unassigned.id}/emergency`, `/referrals/${byWorker.id}`, `/meetings/${meeting.id}`],
    agency_practitioner: [`/cases/${c.id}`, `/referrals/${byMentor.id}`, `/meetings/${meeting.id}`],
    auditor: [`/audit/flags/${flagId}`],
    admin: ['/no-such-page'],
  };
  const users: Record<Role, { email: string }> = {
    coordinator: s.coordinator,
    social_worker: s.socialWorker,
    agency_practitioner: s.mentor,
    auditor: s.auditor,
    admin: s.admin,
  };
  return { ...s, detail, users, forced, caseReference: c.reference };
}
