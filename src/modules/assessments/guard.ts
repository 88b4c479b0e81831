import type { Action } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { AppError } from '../../errors.js';

/**
 * Refuses (FORBIDDEN, audited as denied) when the role has no rule at all for `action` on this
 * subject; row-level conditions still apply through `accessibleBy` in the queries.
 */
export function assertMay(ctx: Pick<ServiceContext, 'ability'>, action: Action, subject: 'Assessment' | 'AssessmentFactor') {
  if (!ctx.ability.can(action, subject)) throw new AppError('FORBIDDEN', { entity: { type: subject } });
}
