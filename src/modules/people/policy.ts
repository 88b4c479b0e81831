import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';
import { liveDisclosureTo } from '../cases/policy.js';

/**
 * People: coordinators see everyone of their municipality. Others see a person's details only when
 * they may see one of that person's cases, or referred the person themselves; name matching tells
 * them no more than that a possible match exists.
 */
export function definePeopleRules(user: SessionUser, { can }: RuleBuilder, now: Date = new Date()) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') {
    can(['read', 'create', 'update', 'match'], 'Person', own);
    return;
  }
  if (user.role !== 'social_worker' && user.role !== 'agency_practitioner') return;
  can(['create', 'match'], 'Person', own);
  can('read', 'Person', { ...own, referrals: { some: { referrerId: user.id } } });
  can('read', 'Person', { ...own, cases: { some: { disclosures: { some: liveDisclosureTo(user, now) } } } });
  if (user.role === 'social_worker') can('read', 'Person', { ...own, cases: { some: { keyWorkerId: user.id } } });
}
