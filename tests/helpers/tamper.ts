import type { Db } from '../../src/db.js';

/** Tampering as the database owner: the append-only trigger switched off for one statement. */
export async function tamper(db: Db, sql: string, trigger = 'audit_event_no_update') {
  await db.$transaction([
    db.$executeRawUnsafe(`ALTER TABLE audit_event DISABLE TRIGGER ${trigger}`),
    db.$executeRawUnsafe(sql),
    db.$executeRawUnsafe(`ALTER TABLE audit_event ENABLE TRIGGER ${trigger}`),
  ]);
}
