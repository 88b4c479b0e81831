import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

const REFERRERS = new Set(['social_worker', 'coordinator', 'agency_practitioner']);

/**
 * Referrals: social workers, coordinators and agency practitioners log them; referrers see the
 * status of their own; coordinators see and screen every referral of their municipality.
 */
export function defineReferralRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (!REFERRERS.has(user.role)) return;
  can('create', 'Referral', own);
  can('read', 'Referral', { ...own, referrerId: user.id });
  if (user.role === 'coordinator') can(['read', 'screen'], 'Referral', own);
}
