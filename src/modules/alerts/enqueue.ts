import { randomUUID } from 'node:crypto';
import type { DbClient } from '../../db.js';
import type { AlertKind } from '../../generated/prisma/client.js';
import { nextDigestAt } from './digest.js';

export interface AlertEvent {
  municipalityId: string;
  kind: AlertKind;
  /** The record it is about (a Referral, a Case, an OnwardReferral), for the link. */
  entityType: string;
  entityId: string;
  /** The record's short reference (a case's reference, a referral's short id): never a name. */
  reference: string;
}

/**
 * Queues an alert for each recipient who wants this kind (no preference row: at once), in the caller's
 * transaction, so an alert exists exactly when its event does. Recipients outside the event's
 * municipality or disabled are dropped here, whatever the caller passed.
 */
export async function enqueueAlerts(db: DbClient, now: Date, event: AlertEvent, userIds: string[]): Promise<number> {
  if (!userIds.length) return 0;
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] }, municipalityId: event.municipalityId, disabledAt: null },
    select: { id: true },
  });
  if (!users.length) return 0;
  const prefs = await db.alertPreference.findMany({
    where: { municipalityId: event.municipalityId, userId: { in: users.map((u) => u.id) }, kind: event.kind },
    select: { userId: true, mode: true },
  });
  const mode = new Map(prefs.map((p) => [p.userId, p.mode]));
  // A digest waits for 06:00 where the recipients work (they are all of the event's municipality).
  let digestAt: Date | undefined;
  if (prefs.some((p) => p.mode === 'digest')) {
    const town = await db.municipality.findUniqueOrThrow({ where: { id: event.municipalityId }, select: { timeZone: true } });
    digestAt = nextDigestAt(now, town.timeZone);
  }
  const rows = users
    .filter((u) => mode.get(u.id) !== 'off')
    .map((u) => {
      const digest = mode.get(u.id) === 'digest';
      return {
        id: randomUUID(),
        municipalityId: event.municipalityId,
        userId: u.id,
        kind: event.kind,
        entityType: event.entityType,
        entityId: event.entityId,
        reference: event.reference,
        digest,
        createdAt: now,
        nextAttemptAt: digest ? digestAt! : now,
      };
    });
  if (rows.length) await db.alertOutbox.createMany({ data: rows });
  return rows.length;
}

/** The municipality's active coordinators (who screen referrals and hear of emergency access). */
export async function coordinatorIds(db: DbClient, municipalityId: string): Promise<string[]> {
  const rows = await db.user.findMany({ where: { municipalityId, role: 'coordinator', disabledAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** A partner agency's active practitioners (who answer its onward referrals). */
export async function agencyPractitionerIds(db: DbClient, municipalityId: string, agencyId: string): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { municipalityId, agencyId, role: 'agency_practitioner', disabledAt: null },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A short reference for a record without one of its own (a referral): the first block of its id. */
export const shortRef = (prefix: string, id: string) => `${prefix}-${id.slice(0, 8).toUpperCase()}`;
