import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db.js';
import { createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/router.js';
import { callerFor, testConfig, testKeyring } from './callers.js';

/** Calls as `user` (one session): each request with `key` as its Idempotency-Key and a request id of its own. */
export async function keyedCaller(db: Db, user: { id: string; municipalityId: string }) {
  const { token, clock } = await callerFor(db, user);
  return (key: string | null) =>
    createCaller(
      createContext(
        { db, clock, config: testConfig(), keyring: testKeyring },
        { token, ip: '203.0.113.9', requestId: randomUUID(), idempotencyKey: key },
      ),
    );
}
