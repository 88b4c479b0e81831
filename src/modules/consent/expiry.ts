import type { DbClient } from '../../db.js';
import type { DueItem } from '../../jobs/due-item.js';
import { DAY_MS, dayIn } from '../../shared/days.js';
import { CONSENT_WARNING_DAYS } from '../../shared/vocabulary.js';
import { endDisclosures } from './end.js';
import { liveConsent } from './fields.js';

/**
 * Consents of open cases that expire within CONSENT_WARNING_DAYS: a reminder for the case's key worker
 * (the coordinators when it has none able to act), due on the expiry's local day. A consent already
 * renewed or withdrawn raises none.
 */
export async function consentDueItems(db: DbClient, municipalityId: string, now: Date, timeZone: string, coordinatorIds: string[]) {
  const soon = await db.consent.findMany({
    where: {
      municipalityId,
      ...liveConsent(now),
      expiresAt: { gt: now, lte: new Date(now.getTime() + CONSENT_WARNING_DAYS * DAY_MS) },
      case: { is: { stage: { notIn: ['closed', 'follow_up'] } } },
    },
    select: { id: true, caseId: true, expiresAt: true, case: { select: { keyWorker: { select: { id: true, disabledAt: true } } } } },
  });
  const items: DueItem[] = [];
  for (const c of soon) {
    const kw = c.case.keyWorker && !c.case.keyWorker.disabledAt ? [c.case.keyWorker.id] : coordinatorIds;
    for (const userId of kw) {
      items.push({
        userId,
        kind: 'consent_expiring',
        entityType: 'Consent',
        entityId: c.id,
        caseId: c.caseId,
        dueAt: dayIn(c.expiresAt, timeZone),
      });
    }
  }
  return items;
}

/**
 * The sweep's part: every live disclosure resting on a consent that has expired (or was withdrawn or
 * renewed without its disclosures being ended) is ended now, case by case, with a timeline entry.
 * Idempotent: a second run finds nothing live. Returns the ids ended, for the sweep's audit event.
 */
export async function endExpiredConsentDisclosures(db: DbClient, municipalityId: string, now: Date): Promise<string[]> {
  const resting = await db.disclosure.findMany({
    where: {
      municipalityId,
      legalBasis: 'consent',
      revokedAt: null,
      expiresAt: { gt: now },
      OR: [{ consentId: null }, { consent: { is: { NOT: liveConsent(now) } } }],
    },
    select: { id: true, caseId: true },
    orderBy: { id: 'asc' },
  });
  const byCase = new Map<string, string[]>();
  for (const d of resting) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d.id]);
  const ended: string[] = [];
  for (const [caseId, ids] of byCase) {
    ended.push(...(await endDisclosures(db, { id: caseId, municipalityId }, ids, now, null, 'consent_expired')));
  }
  return ended;
}
