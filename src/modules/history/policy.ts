import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/** What a referrer may correct of the person they referred: what their referral shows them (names, birth, or an age for it). */
export const REFERRER_PERSON_FIELDS = ['nameArabic', 'nameLatin', 'birthDate', 'birthYear', 'estimatedAge'] as const;

/**
 * Corrections (DESIGN: "correct a person's details or a referral's facts": own referrals | ✓ | –).
 * A coordinator corrects any person and referral of the municipality. A social worker corrects the
 * facts of the referrals they logged, and of the person behind one of them only what the referral
 * showed them (names and birth): referring gives no access to the rest of the record (contact,
 * guardian), so correcting it would be writing blind. DESIGN gives agency practitioners no cell.
 */
export function defineCorrectionRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') {
    can('correct', ['Person', 'Referral'], own);
    return;
  }
  if (user.role !== 'social_worker') return;
  can('correct', 'Referral', { ...own, referrerId: user.id });
  can('correct', 'Person', [...REFERRER_PERSON_FIELDS], { ...own, referrals: { some: { referrerId: user.id } } });
}
