import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { openText } from '../../crypto/envelope.js';
import { JUSTIFICATION_FIELD, justificationField } from './break-glass.js';

/** A grant as its reviewers see it: when, for how long, and why (decrypted). */
export interface GrantReview {
  grantedAt: Date;
  expiresAt: Date;
  /** When the requester ended it early, or null. */
  endedAt: Date | null;
  /** The length it was granted for, in minutes (the municipality's setting at the time). */
  minutes: number;
  justification: string;
}

/**
 * Of these grants, the ones whose justification the user may read (break-glass-policy's
 * `readJustification`: auditors, coordinators, the case's key worker, the requester), by id. Any other
 * user gets an empty map: the rule filters in the query, so a crafted id or another town's grant is
 * simply not there.
 */
export async function readableGrants(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, GrantReview>> {
  if (ids.length === 0 || !ctx.ability.can('readJustification', 'BreakGlass')) return new Map();
  const rows = await ctx.db.breakGlass.findMany({
    where: { AND: [accessibleBy(ctx.ability, 'readJustification').ofType('BreakGlass'), { id: { in: [...ids] } }] },
    select: { id: true, grantedAt: true, expiresAt: true, endedAt: true, justification: true },
  });
  return new Map(
    await Promise.all(
      rows.map(
        async (g) =>
          [
            g.id,
            {
              grantedAt: g.grantedAt,
              expiresAt: g.expiresAt,
              endedAt: g.endedAt,
              minutes: Math.round((g.expiresAt.getTime() - g.grantedAt.getTime()) / 60_000),
              justification: await openText(ctx, JUSTIFICATION_FIELD, g.id, g.justification, justificationField(g.id)),
            },
          ] as const,
      ),
    ),
  );
}
