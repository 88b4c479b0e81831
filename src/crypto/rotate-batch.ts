import type { Tx } from '../db.js';
import { AuditTrail } from '../audit/writer.js';
import { systemClock } from '../lib/clock.js';
import type { Keyring } from './keyring.js';

/** Audits one batch's counts per municipality (`data.rotateKey`, system actor), in the batch's transaction. */
export async function auditBatch(tx: Tx, keyring: Keyring, field: string, towns: string[]) {
  const perTown = new Map<string, number>();
  for (const t of towns) perTown.set(t, (perTown.get(t) ?? 0) + 1);
  for (const [municipalityId, count] of perTown) {
    const audit = new AuditTrail({ municipalityId, actorId: null, actorRole: null, requestId: 'cli', ip: null }, systemClock);
    audit.record({ action: 'data.rotateKey', entityType: 'DataKey', entityId: String(keyring.current), detail: { field, count } });
    await audit.flush(tx);
  }
}
