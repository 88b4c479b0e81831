import type pg from 'pg';
import { canonicalJson } from '../src/lib/canonical-json.js';
import { chainOf, contentDigest, type EventContent } from '../src/audit/hash.js';

/**
 * Gives one case `events` accesses in the audit log (kept between runs: only the missing ones are
 * added), through audit_append as the server writes them: reads of the case itself and list pages
 * that showed it among others. Returns how many events now touch it.
 */
export async function caseWithEvents(
  pool: pg.Pool,
  town: { id: string },
  caseId: string,
  actorId: string,
  events: number,
): Promise<number> {
  const count = async () =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event_entity WHERE municipality_id = $1 AND entity_type = 'Case' AND entity_id = $2`,
        [town.id, caseId],
      )
    ).rows[0]!.n;
  let missing = events - (await count());
  const start = Date.now();
  for (let batch = 0; missing > 0; batch++) {
    const size = Math.min(missing, 200);
    const list = Array.from({ length: size }, (_, i) => {
      const read = i % 2 === 0;
      const content: EventContent = {
        chain: chainOf(town.id),
        at: new Date(start + batch * 1_000 + i),
        municipalityId: town.id,
        actorId,
        actorRole: 'coordinator',
        action: read ? 'case.read' : 'case.list',
        entityType: 'Case',
        entityId: read ? caseId : null,
        outcome: 'allowed',
        purpose: null,
        requestId: `bench-history-${batch}-${i}`,
        ip: '198.51.100.7',
        detail: read
          ? { sections: ['summary', 'notes', 'plan', 'team', 'timeline'] }
          : { count: 50, touched: { Case: [caseId] }, filters: [], page: 'first' },
      };
      return { ...content, digest: contentDigest(content) };
    });
    await pool.query('SELECT audit_append($1::jsonb)', [canonicalJson(list)]);
    missing -= size;
  }
  return count();
}
