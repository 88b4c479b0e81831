import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';

/**
 * The regional hub. A hub analyst reads the hub's figures (suppressed, aggregated, of the member cities
 * that share them) and nothing else: no rule of any other policy names the role, so every casework
 * subject stays refused. An admin manages the members of their own municipality when it is a hub, and
 * chooses whether their own city shares its figures with the hubs it belongs to; which of the two
 * applies is the municipality's kind, checked by the services (the session does not carry it).
 */
export function defineHubRules(user: SessionUser, { can }: RuleBuilder) {
  const own = { id: user.municipalityId };
  if (user.role === 'hub_analyst') can('hubFigures', 'Municipality', own);
  if (user.role === 'admin') can(['hubMembers', 'shareFigures'], 'Municipality', own);
}
