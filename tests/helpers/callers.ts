import type { Db } from '../../src/db.js';
import { createSession } from '../../src/auth/session.js';
import { manualClock, type Clock, type ManualClock } from '../../src/lib/clock.js';
import type { AppConfig } from '../../src/config.js';
import { createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/router.js';
import { parseKeyring } from '../../src/crypto/keyring.js';

/** A fixed test key (version 1); tests of rotation add a version 2. */
export const TEST_KEY_SPEC = `1:${Buffer.alloc(32, 7).toString('base64')}`;
export const testKeyring = parseKeyring(TEST_KEY_SPEC);

export const testConfig = (over: Partial<AppConfig> = {}): AppConfig => ({
  session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
  secureCookies: false,
  ...over,
});

/** A caller with no session, as an anonymous request would be. */
export function anonymousCaller(db: Db, opts: { clock?: Clock; config?: AppConfig; ip?: string } = {}) {
  const ctx = createContext(
    { db, clock: opts.clock ?? manualClock(), config: opts.config ?? testConfig(), keyring: testKeyring },
    { ip: opts.ip ?? '203.0.113.9', requestId: 'test' },
  );
  return { caller: createCaller(ctx), ctx };
}

/**
 * A caller signed in as `user` through a real session row (the same check every request makes).
 * Use the returned clock to move time.
 */
export async function callerFor(
  db: Db,
  user: { id: string; municipalityId: string },
  opts: { clock?: ManualClock; config?: AppConfig } = {},
) {
  const clock = opts.clock ?? manualClock();
  const config = opts.config ?? testConfig();
  const { token, sessionId } = await createSession(db, clock(), config.session, user, { ip: '203.0.113.9', userAgent: 'vitest' });
  const ctx = createContext(
    { db, clock, config, keyring: testKeyring },
    { token, ip: '203.0.113.9', requestId: `test-${sessionId.slice(0, 8)}` },
  );
  return { caller: createCaller(ctx), ctx, token, sessionId, clock };
}
