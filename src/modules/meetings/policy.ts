import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';

/** Panel meetings and their agenda items (filled in with the meetings module). */
export function defineMeetingRules(_user: SessionUser, _builder: RuleBuilder, _now: Date) {}
