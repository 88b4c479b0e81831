import type { AppConfig } from '../config.js';
import type { AppDeps, RequestContext, RequestInfo } from '../service.js';

/** What every procedure is given; a signed-in procedure adds the user, the ability and the audit event. */
export type Context = RequestContext;

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
    idempotencyKey: info.idempotencyKey ?? null,
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
