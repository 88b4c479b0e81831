import type { RuleBuilder } from '../../auth/ability.js';
import type { SessionUser } from '../../auth/session.js';

/** Reminders, tasks and "my work" (filled in with the work module). */
export function defineWorkRules(_user: SessionUser, _builder: RuleBuilder, _now: Date) {}
