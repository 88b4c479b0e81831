import type { DbClient } from './db.js';
import type { AppAbility } from './auth/casl.js';
import type { SessionUser } from './auth/session.js';
import type { ServiceAudit } from './audit/event.js';
import type { Clock } from './lib/clock.js';
import type { AppConfig } from './trpc/context.js';
import type { Keyring } from './crypto/keyring.js';
import type { Anchoring } from './audit/checkpoints.js';

/** What a service receives: a transaction, the user's abilities, its procedure's audit event. No tRPC. */
export interface ServiceContext {
  db: DbClient;
  ability: AppAbility;
  user: SessionUser;
  sessionId: string;
  audit: ServiceAudit;
  clock: Clock;
  config: AppConfig;
  keyring: Keyring;
  anchoring?: Anchoring | null;
}
