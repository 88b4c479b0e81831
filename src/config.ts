import type { Env } from './env.js';
import type { AppConfig } from './trpc/context.js';

/** The app's settings from the parsed environment. */
export function configFromEnv(env: Env): AppConfig {
  return {
    session: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    secureCookies: env.HTTPS,
    production: env.NODE_ENV === 'production',
  };
}
