import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Onward referrals (DESIGN: "onward referral: send / answer": key worker sends | coordinator sends |
 * their agency's practitioners answer). The coordinator refers any case of the municipality and follows
 * every onward referral; a social worker refers the cases they are key worker of and follows theirs; an
 * agency practitioner reads and answers only those sent to their (active) agency, and sees nothing of the
 * case but what the sender chose to include.
 */
export function defineOnwardRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') {
    can('refer', 'Case', own);
    can('read', 'OnwardReferral', own);
  } else if (user.role === 'social_worker') {
    can('refer', 'Case', { ...own, keyWorkerId: user.id });
    can('read', 'OnwardReferral', { ...own, case: { is: { ...own, keyWorkerId: user.id } } });
  } else if (user.role === 'agency_practitioner' && user.agencyId) {
    can(['read', 'answer'], 'OnwardReferral', { ...own, agencyId: user.agencyId, agency: { is: { active: true } } });
  }
}
