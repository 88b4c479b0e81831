import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';

/** The hash before the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The chain an event belongs to: its municipality, or "system" for events with no tenant. */
export const chainOf = (municipalityId: string | null | undefined) => municipalityId ?? 'system';

/** What an event says, without its place in the chain: what its content digest covers. */
export interface EventContent {
  chain: string;
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
}

/** An event with its place in the chain and its id: what its hash covers. */
export interface HashedEvent extends EventContent {
  id: bigint;
  seq: number;
  prevHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The event's content digest: hex sha256 of the canonical JSON (object keys sorted) of
 * `[chain, at (ISO 8601, ms, UTC), municipalityId, actorId, actorRole, action, entityType, entityId,
 * outcome, purpose, requestId, ip, detail]`. Computed by the app; the database chains it.
 */
export function contentDigest(e: EventContent): string {
  return sha256(canonicalJson([e.chain, ...contentAfterChain(e)]));
}

/** The content fields after the chain, in the order both hash definitions write them. */
const contentAfterChain = (e: EventContent) => [
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
];

/**
 * The link: `hash = hex(sha256(prevHash + ":" + seq + ":" + id + ":" + digest))`. The database computes
 * the same in `audit_append()` (migration 20261204090000_runtime_role), which assigns id and seq under
 * the chain head's lock; a change to any field or id, or a removed, inserted or reordered event, breaks it.
 */
export const linkHash = (prevHash: string, seq: number, id: bigint, digest: string) => sha256(`${prevHash}:${seq}:${id}:${digest}`);

/** The hash an event must carry (the definition since migration 20261204090000_runtime_role). */
export function hashEvent(e: HashedEvent): string {
  return linkHash(e.prevHash, e.seq, e.id, contentDigest(e));
}

/** The definition of migration 20261125210500_audit_append (the id not yet covered); older events keep it. */
export function idlessHashEvent(e: Omit<HashedEvent, 'id'>): string {
  return sha256(`${e.prevHash}:${e.seq}:${contentDigest(e)}`);
}

/**
 * The definition before that migration: sha256 of the canonical JSON of the content with seq and
 * prevHash inside it. Events written then keep it, so older logs still verify; see verify.ts.
 */
export function legacyHashEvent(e: Omit<HashedEvent, 'id'>): string {
  return sha256(canonicalJson([e.chain, e.seq, ...contentAfterChain(e), e.prevHash]));
}
