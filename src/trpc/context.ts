import type { Db } from '../db.js';
import type { Clock } from '../lib/clock.js';
import type { SessionPolicy } from '../auth/session.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Anchoring } from '../audit/checkpoints.js';

/** Settings the procedures need, fixed when the app is built. */
export interface AppConfig {
  session: SessionPolicy;
  /** Cookies get `__Host-` and Secure when the app is served over HTTPS. */
  secureCookies: boolean;
  production: boolean;
}

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
  setSessionCookie(token: string): void;
  clearSessionCookie(): void;
}

export type Context = AppDeps & RequestInfo;

export const cookieName = (config: AppConfig) => (config.secureCookies ? '__Host-jisr_session' : 'jisr_session');

/** Builds a request's context; without HTTP (tests, scripts) `cookie.token` remembers the last cookie set. */
export function createContext(deps: AppDeps, info: Partial<RequestInfo> = {}): Context & { cookie: { token: string | null } } {
  const cookie = { token: info.token ?? null };
  return {
    ...deps,
    requestId: info.requestId ?? 'internal',
    ip: info.ip ?? null,
    userAgent: info.userAgent ?? null,
    token: info.token ?? null,
    setSessionCookie: (t) => {
      cookie.token = t;
      info.setSessionCookie?.(t);
    },
    clearSessionCookie: () => {
      cookie.token = null;
      info.clearSessionCookie?.();
    },
    cookie,
  };
}
