import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, mutate, query, signIn } from '../helpers/http.js';

const { db } = await testDb();
const { app, clock } = await makeTestApp(db);
afterAll(() => app.close());
const MIN = 60_000;

describe('sign-in over HTTP', () => {
  it('locks after five failures, answering exactly as for an unknown address or a wrong password, then lets the user back in', async () => {
    const { coordinator } = await makeTown(db);
    const answers: { status: number; body: string; cookie: unknown }[] = [];
    const answer = async (email: string, password: string) => {
      const res = await mutate(app, 'auth.login', { email, password });
      answers.push({ status: res.statusCode, body: res.body, cookie: res.headers['set-cookie'] });
    };
    for (let i = 0; i < 5; i++) await answer(coordinator.email, `wrong password ${i}`);
    await answer(coordinator.email, TEST_PASSWORD); // locked: even the right password
    await answer('nobody.here@test.jisr.local', TEST_PASSWORD);
    // Nothing in status, body or cookies tells a locked account from a wrong password or an unknown address.
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 401, cookie: undefined });
    expect(JSON.parse(answers[0]!.body).error.json.data).toMatchObject({ appCode: 'INVALID_CREDENTIALS', info: null });
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
    const ok = await mutate(
      app,
      'auth.changePassword',
      { currentPassword: TEST_PASSWORD, newPassword: 'a long enough passphrase' },
      { cookie: one },
    );
    expect(ok.statusCode).toBe(200);
    expect((await query(app, 'auth.me', undefined, { cookie: one })).statusCode).toBe(200);
    expect(appCode(await query(app, 'auth.me', undefined, { cookie: two }))).toBe('SESSION_EXPIRED');
    expect((await mutate(app, 'auth.login', { email: socialWorker.email, password: 'a long enough passphrase' })).statusCode).toBe(200);
  });
});
