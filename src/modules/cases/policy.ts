import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { CASE_SECTIONS, type CaseSection } from '../../shared/vocabulary.js';

/**
 * A live disclosure to this user: to them by name or to their agency while it is active, not
 * revoked, not expired. `now` is fixed when the request's ability is built.
 */
export function liveDisclosureTo(user: SessionUser, now: Date, section?: CaseSection) {
  return {
    revokedAt: null,
    expiresAt: { gt: now },
    OR: [{ userId: user.id }, ...(user.agencyId ? [{ agencyId: user.agencyId, agency: { is: { active: true } } }] : [])],
    ...(section ? { sections: { has: section } } : {}),
  };
}

/**
 * Cases (DESIGN.md, "who may do what"): coordinators see every case of their municipality; a social
 * worker sees the cases they are key worker of, and the sections disclosed to them by name; an agency
 * practitioner sees only the sections disclosed to their agency or to them, until expiry or revocation.
 * Restricted notes: coordinator and key worker only.
 */
export function defineCaseRules(user: SessionUser, { can }: RuleBuilder, now: Date) {
  const own = { municipalityId: user.municipalityId };
  defineInterventionRules(user, can, now);
  const disclosed = (section?: CaseSection) => ({ ...own, disclosures: { some: liveDisclosureTo(user, now, section) } });

  if (user.role === 'coordinator') {
    can(
      ['read', 'read:summary', 'read:notes', 'read:plan', 'read:assessments', 'update', 'write:notes', 'manage:team', 'consent'],
      'Case',
      own,
    );
    can('read', 'CaseNote', own);
    can('read', 'Disclosure', own);
    return;
  }
  if (user.role === 'social_worker') {
    const keyWorker = { ...own, keyWorkerId: user.id };
    can(['read', 'read:summary', 'read:notes', 'read:plan', 'read:assessments', 'update', 'write:notes', 'consent'], 'Case', keyWorker);
    can('read', 'Case', disclosed());
    for (const s of CASE_SECTIONS) can(`read:${s}`, 'Case', disclosed(s));
    can('write:notes', 'Case', disclosed('notes'));
    can('read', 'CaseNote', { ...own, case: { is: { keyWorkerId: user.id } } });
    can('read', 'CaseNote', { ...own, sensitivity: 'standard', case: { is: disclosed('notes') } });
    can('read', 'Disclosure', { ...own, case: { is: { keyWorkerId: user.id } } });
    return;
  }
  if (user.role === 'agency_practitioner') {
    can('read', 'Case', disclosed());
    for (const s of CASE_SECTIONS) can(`read:${s}`, 'Case', disclosed(s));
    can('write:notes', 'Case', disclosed('notes'));
    can('read', 'CaseNote', { ...own, sensitivity: 'standard', case: { is: disclosed('notes') } });
  }
}

/**
 * Interventions of a support plan (DESIGN: "create interventions: key worker | C"). The coordinator
 * and the key worker create and read the whole plan; a social worker on the team reads a plan
 * disclosed to them. An agency practitioner reads and updates only the interventions of their agency
 * (or assigned to them) on a case whose plan is disclosed to them now. The assignee and the
 * coordinator update status and outcome; reading is always required too, so an assignee who lost
 * access to the case can no longer update.
 */
function defineInterventionRules(user: SessionUser, can: RuleBuilder['can'], now: Date) {
  const own = { municipalityId: user.municipalityId };
  const planShared = { ...own, case: { is: { ...own, disclosures: { some: liveDisclosureTo(user, now, 'plan') } } } };
  if (user.role === 'coordinator') {
    can(['create', 'read', 'update'], 'Intervention', own);
  } else if (user.role === 'social_worker') {
    const keyWorker = { ...own, case: { is: { ...own, keyWorkerId: user.id } } };
    can(['create', 'read'], 'Intervention', keyWorker);
    can('read', 'Intervention', planShared);
    can('update', 'Intervention', { ...own, assigneeId: user.id });
  } else if (user.role === 'agency_practitioner') {
    const mine = [{ ...planShared, assigneeId: user.id }, ...(user.agencyId ? [{ ...planShared, agencyId: user.agencyId }] : [])];
    for (const rule of mine) can(['read', 'update'], 'Intervention', rule);
  }
}
