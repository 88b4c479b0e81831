import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * Transfers between member cities of a hub (DESIGN: "cross-municipality transfer: propose / accept":
 * coordinator / coordinator of the receiving city). A coordinator proposes the transfer of any open case
 * of their city and follows their city's proposals; they receive (read the inbox, accept, decline) only
 * proposals addressed to their own city: that rule is on their Municipality, since a proposal's row belongs
 * to the sending city (its distribution key), and the service filters by the receiving city's id.
 * No other role takes part.
 */
export function defineTransferRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role !== 'coordinator') return;
  const own = { municipalityId: user.municipalityId };
  can('transferCity', 'Case', own);
  can(['read', 'update'], 'CaseTransfer', own);
  can('receiveTransfer', 'Municipality', { id: user.municipalityId });
}
