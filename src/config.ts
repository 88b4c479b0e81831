import type { Env } from './env.js';
import type { SessionPolicy } from './auth/session.js';

/** Settings the procedures need, fixed when the app is built. */
export interface AppConfig {
  session: SessionPolicy;
  /** Cookies get `__Host-` and Secure when the app is served over HTTPS. */
  secureCookies: boolean;
  /** Alerts are e-mailed (JISR_SMTP_URL set); otherwise they stay in the app. Unset counts as false. */
  emailAlerts?: boolean;
}

/** The app's settings from the parsed environment. */
export function configFromEnv(env: Env): AppConfig {
  return {
    session: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    secureCookies: env.HTTPS,
    emailAlerts: Boolean(env.JISR_SMTP_URL),
  };
}
