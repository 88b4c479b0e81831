import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, mutate, query, signIn } from '../helpers/http.js';

const { db } = await testDb();
const { app, clock } = await makeTestApp(db);
afterAll(() => app.close());
const MIN = 60_000;

describe('sign-in over HTTP', () => {
  it('locks after five failures with 429 ACCOUNT_LOCKED and the unlock time, then lets the user back in', async () => {
    const { coordinator } = await makeTown(db);
    for (let i = 0; i < 5; i++) {
      const res = await mutate(app, 'auth.login', { email: coordinator.email, password: `wrong password ${i}` });
      expect(res.statusCode).toBe(401);
      expect(appCode(res)).toBe('INVALID_CREDENTIALS');
    }
    const locked = await mutate(app, 'auth.login', { email: coordinator.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(JSON.parse(locked.body).error.json.data).toMatchObject({ appCode: 'ACCOUNT_LOCKED', info: { until: expect.any(String) } });
    clock.advance(15 * MIN + 1);
    expect((await mutate(app, 'auth.login', { email: coordinator.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('expires an idle session (401 SESSION_EXPIRED, cookie cleared)', async () => {
    const { auditor } = await makeTown(db);
    const cookie = await signIn(app, auditor.email, TEST_PASSWORD);
    expect((await query(app, 'auth.me', undefined, { cookie })).statusCode).toBe(200);
    clock.advance(31 * MIN);
    const expired = await query(app, 'auth.me', undefined, { cookie });
    expect(expired.statusCode).toBe(401);
    expect(appCode(expired)).toBe('SESSION_EXPIRED');
    expect(String(expired.headers['set-cookie'])).toMatch(/^jisr_session=; Max-Age=0/);
  });

  it('revokes every session of a disabled user at once', async () => {
    const { admin, socialWorker } = await makeTown(db);
    const theirs = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const adminCookie = await signIn(app, admin.email, TEST_PASSWORD);
    expect((await mutate(app, 'users.disable', { id: socialWorker.id }, { cookie: adminCookie })).statusCode).toBe(200);
    expect(appCode(await query(app, 'auth.me', undefined, { cookie: theirs }))).toBe('SESSION_EXPIRED');
  });

  it('changes the password and ends the other sessions', async () => {
    const { socialWorker } = await makeTown(db);
    const one = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const two = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const bad = await mutate(app, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, { cookie: one });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error.json.data.fields).toEqual({ newPassword: 'PASSWORD_TOO_SHORT' });
    const ok = await mutate(app, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a long enough passphrase' }, { cookie: one });
    expect(ok.statusCode).toBe(200);
    expect((await query(app, 'auth.me', undefined, { cookie: one })).statusCode).toBe(200);
    expect(appCode(await query(app, 'auth.me', undefined, { cookie: two }))).toBe('SESSION_EXPIRED');
    expect((await mutate(app, 'auth.login', { email: socialWorker.email, password: 'a long enough passphrase' })).statusCode).toBe(200);
  });
});
