import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';

/** The hash before the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain an event belongs to: its municipality, or "system" for events with no tenant. */
export const chainOf = (municipalityId: string | null | undefined) => municipalityId ?? 'system';

/** The fields of an event that its hash covers, in a fixed order. */
export interface HashedEvent {
  chain: string;
  seq: number;
  at: Date;
  municipalityId: string | null;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  detail: unknown;
  prevHash: string;
}

/** sha256 over the event's content and the previous event's hash. */
export function hashEvent(e: HashedEvent): string {
  const content = canonicalJson([
    e.chain,
    e.seq,
    e.at.toISOString(),
    e.municipalityId,
    e.actorId,
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.outcome,
    e.purpose,
    e.requestId,
    e.ip,
    e.detail ?? null,
    e.prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}
