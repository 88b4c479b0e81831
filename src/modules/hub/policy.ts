import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { defineSessionRules } from '../auth/policy.js';

/**
 * A city's side of the regional hub: its admin chooses whether the city shares its suppressed figures
 * with the hubs it belongs to (hub.memberships, hub.setSharing). The users of a hub get none of a city's
 * rules, this included: theirs are defineHubMunicipalityRules'.
 */
export function defineHubRules(user: SessionUser, { can }: RuleBuilder) {
  if (user.role === 'admin') can('shareFigures', 'Municipality', { id: user.municipalityId });
}

/**
 * Everything the users of a hub may do, and nothing else (auth/ability.ts gives a hub these rules
 * instead of a city's). A hub holds no casework and no people, so no casework subject is named here and
 * no rule a city policy adds later can reach a hub. Own municipality only, like every rule.
 * - Everyone: their own sessions (and an admin every session of the hub's accounts, auth/policy.ts), their
 *   own alert choices; their password, language and second factor need no rule (auth.*).
 * - The hub's admin: the hub's accounts (list, create, rename, disable, enable, reset; a role must fit
 *   ROLES_OF_KIND.hub, users/role-kind.ts), their sessions and second factors (a reset needs a second
 *   admin or the auditor, users/factor-reset.ts), the hub's members (hub.members, addMember,
 *   removeMember), and the settings that make sense without casework: who must use a second factor, the
 *   time zone and working hours and the flag rules' thresholds of the hub's own audit chain
 *   (`read:security`/`update:security`). Not: agencies, purposes, lists, assessment factors, the casework
 *   settings and holidays, retention rules and certificates, the processing record, caseloads and
 *   handovers, the alert outbox (no alert concerns a hub), a city's choice to share.
 * - The hub's auditor: the hub's own audit chain (list, export, verify, checkpoints) and its flags;
 *   confirming a second-factor reset. Not the access history of a case, person or referral, statistics
 *   or deletion certificates (there are none in a hub), and never a member city's chain.
 * - The hub analyst: the hub's figures (suppressed, aggregated, of the member cities that share them).
 */
export function defineHubMunicipalityRules(user: SessionUser, builder: RuleBuilder) {
  const { can } = builder;
  const own = { municipalityId: user.municipalityId };
  const hub = { id: user.municipalityId };
  defineSessionRules(user, builder);
  can(['read', 'update'], 'AlertPreference', { ...own, userId: user.id });
  if (user.role === 'admin') {
    can(['read', 'create', 'update'], 'User', own);
    can(['hubMembers', 'read:security', 'update:security'], 'Municipality', hub);
  }
  if (user.role === 'auditor') {
    can(['read', 'verify'], 'AuditEvent', own);
    can(['read', 'review'], 'AuditFlag', own);
  }
  if (user.role === 'hub_analyst') can('hubFigures', 'Municipality', hub);
}
