import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { mutate, ORIGIN } from '../helpers/http.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { buildApp } from '../../src/app.js';
import { readEnv } from '../../src/env.js';

const { db } = await testDb();
const app = await buildApp({
  db,
  config: testConfig(),
  keyring: testKeyring,
  publicOrigin: ORIGIN,
  trustProxy: readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY,
});
afterAll(() => app.close());

describe('behind a proxy', () => {
  it('TRUST_PROXY=true believes one hop only, so a client cannot forge its address', async () => {
    expect(readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY).toBe('10.0.0.0/8');
    expect(readEnv({}).TRUST_PROXY).toBe(false);
    const { town, admin } = await makeTown(db);
    // The client sent "X-Forwarded-For: 192.0.2.66"; the proxy appended the address it saw.
    const res = await mutate(
      app,
      'auth.login',
      { email: admin.email, password: TEST_PASSWORD },
      { headers: { 'x-forwarded-for': '192.0.2.66, 203.0.113.50' } },
    );
    expect(res.statusCode).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: town.id, action: 'auth.login' } });
    expect(event.ip).toBe('203.0.113.50');
  });
});
