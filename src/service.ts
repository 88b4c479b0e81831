import type { DbClient } from './db.js';
import type { AppAbility } from './auth/casl.js';
import type { SessionUser } from './auth/session.js';
import type { AuditTrail } from './audit/writer.js';
import type { Clock } from './lib/clock.js';
import type { AppConfig } from './trpc/context.js';
import type { Keyring } from './crypto/keyring.js';

/** What a service receives: a transaction, the user's abilities, the audit trail. No tRPC. */
export interface ServiceContext {
  db: DbClient;
  ability: AppAbility;
  user: SessionUser;
  sessionId: string;
  audit: AuditTrail;
  clock: Clock;
  config: AppConfig;
  keyring: Keyring;
}
