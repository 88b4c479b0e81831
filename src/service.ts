import type { Db, DbClient } from './db.js';
import type { AppAbility } from './auth/casl.js';
import type { FactorState, SessionUser } from './auth/session.js';
import type { ServiceAudit } from './audit/event.js';
import type { Clock } from './lib/clock.js';
import type { AppConfig } from './config.js';
import type { Keyring } from './crypto/keyring.js';
import type { Anchoring } from './audit/checkpoints.js';

/** What lives as long as the app: the database, the clock, the settings, the data keys. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
  keyring: Keyring;
  /** Signed checkpoints of the audit chains; null or absent: the log is not anchored outside the database. */
  anchoring?: Anchoring | null;
}

/** What one request brings: who (by token), from where, and how to answer with a cookie. */
export interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  token: string | null;
  /** The `Idempotency-Key` header: one per form submission, the same on its retries (see trpc/idempotency.ts). */
  idempotencyKey: string | null;
  setSessionCookie(token: string): void;
  clearSessionCookie(): void;
}

/** A request before anyone is signed in (sign-in works with this). */
export type RequestContext = AppDeps & RequestInfo;

/** What a service receives: a transaction, the user's abilities, its procedure's audit event. No tRPC. */
export interface ServiceContext {
  db: DbClient;
  ability: AppAbility;
  user: SessionUser;
  sessionId: string;
  /** The session's second factor: owed, to enrol, last proved (step-up). */
  factor: FactorState;
  audit: ServiceAudit;
  clock: Clock;
  config: AppConfig;
  keyring: Keyring;
  anchoring?: Anchoring | null;
}
