import type { DbClient } from '../../db.js';

/**
 * Ends consent-based disclosures at once (revoked with `reason`: consent_withdrawn, consent_expired,
 * consent_renewed) and, unless `event` is false (the caller notes it), says so on the case's timeline;
 * `actorId` null for the scheduled sweep. Only the ones still live are touched, so running it twice ends
 * nothing twice. Returns the ids it ended.
 */
export async function endDisclosures(
  db: DbClient,
  c: { id: string; municipalityId: string },
  ids: string[],
  now: Date,
  actorId: string | null,
  reason: string,
  event = true,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const live = await db.disclosure.findMany({
    where: { id: { in: ids }, municipalityId: c.municipalityId, revokedAt: null },
    select: { id: true },
  });
  const ended = live.map((d) => d.id);
  if (ended.length === 0) return [];
  await db.disclosure.updateMany({
    where: { id: { in: ended }, municipalityId: c.municipalityId, revokedAt: null },
    data: { revokedAt: now, revokedById: actorId, revokeReason: reason },
  });
  if (event) {
    await db.caseEvent.create({
      data: {
        caseId: c.id,
        municipalityId: c.municipalityId,
        at: now,
        actorId,
        kind: 'consent',
        data: { ended: reason, revoked: ended.length, disclosureIds: ended },
      },
    });
  }
  return ended;
}
