import type { Db } from '../../src/db.js';
import { linkStaged } from '../../src/audit/chainer.js';

/**
 * Tampering as the database owner: the append-only trigger switched off for one statement. What the
 * app staged is linked first (calls answer before their events are linked), so the tamperer rewrites the chain.
 */
export async function tamper(db: Db, sql: string, trigger = 'audit_event_no_update') {
  await linkStaged(db);
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER ${trigger}`),
    db.$executeRawUnsafe(sql),
    db.$executeRawUnsafe(`ALTER TABLE audit_event ENABLE TRIGGER ${trigger}`),
  ]);
}
