import type { Db } from '../../src/db.js';
import { buildApp } from '../../src/app.js';
import { manualClock, type ManualClock } from '../../src/lib/clock.js';
import type { AppConfig } from '../../src/config.js';
import { testConfig, testKeyring } from './callers.js';

export const ORIGIN = 'http://jisr.test';

/** The whole HTTP app over the test database, for app.inject. */
export async function makeTestApp(
  db: Db,
  opts: { clock?: ManualClock; config?: Partial<AppConfig>; loginPerMinute?: number; webRoot?: string } = {},
) {
  const clock = opts.clock ?? manualClock();
  const app = await buildApp({
    db,
    clock,
    config: testConfig(opts.config),
    keyring: testKeyring,
    publicOrigin: ORIGIN,
    loginPerMinute: opts.loginPerMinute ?? 1_000,
    webRoot: opts.webRoot,
  });
  return { app, clock };
}

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];

/** A tRPC mutation over HTTP, as the browser sends it. */
export function mutate(app: App, path: string, input: unknown, opts: { cookie?: string; headers?: Record<string, string> } = {}) {
  return app.inject({
    method: 'POST',
    url: `/trpc/${path}`,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    payload: JSON.stringify({ json: input }),
  });
}

/** A tRPC query over HTTP. */
export function query(app: App, path: string, input: unknown, opts: { cookie?: string } = {}) {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return app.inject({ method: 'GET', url: `/trpc/${path}${q}`, headers: opts.cookie ? { cookie: opts.cookie } : {} });
}

/** Signs in over HTTP and returns the cookie header to send back. */
export async function signIn(app: App, email: string, password: string): Promise<string> {
  const res = await mutate(app, 'auth.login', { email, password });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  return first!.split(';')[0]!;
}

/** The app error code of a failed tRPC answer. */
export const appCode = (res: { body: string }) => JSON.parse(res.body).error?.json?.data?.appCode as string | undefined;
