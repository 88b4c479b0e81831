import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { liveDisclosureTo } from '../cases/policy.js';

/**
 * People: coordinators see everyone of their municipality. Others see a person's details only when
 * they may see the summary of one of that person's cases (key worker, or a live disclosure that
 * includes the summary). Referring someone gives no lasting access to them: name matching tells a
 * referrer no more than that a possible match exists (DESIGN.md: "existence only").
 */
export function definePeopleRules(user: SessionUser, { can }: RuleBuilder, now: Date = new Date()) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') {
    // A merged record is hidden (kept for an undo): nothing reaches it but merge.ts's redirect and the undo.
    can(['read', 'create', 'update', 'match', 'merge'], 'Person', { ...own, mergedIntoId: null });
    return;
  }
  if (user.role !== 'social_worker' && user.role !== 'agency_practitioner') return;
  can(['create', 'match'], 'Person', own);
  can('read', 'Person', { ...own, cases: { some: { disclosures: { some: liveDisclosureTo(user, now, 'summary') } } } });
  if (user.role === 'social_worker') can('read', 'Person', { ...own, cases: { some: { keyWorkerId: user.id } } });
}
