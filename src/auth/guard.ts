import { AppError } from '../errors.js';
import type { Action, AppAbility, AppSubjects } from './casl.js';

/** Every subject by name (rules on rows still go through `accessibleBy`). */
type SubjectName = Extract<AppSubjects, string>;

/**
 * Refuses (FORBIDDEN, audited as denied) when the role has no rule at all for this action;
 * row-level conditions are still applied by the query's `accessibleBy` filter.
 */
export function assertCan(ability: AppAbility, action: Action, subject: SubjectName): void {
  if (!ability.can(action, subject)) throw new AppError('FORBIDDEN', { entity: { type: subject } });
}
