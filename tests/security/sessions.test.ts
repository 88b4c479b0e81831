import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, mutate, query, signIn } from '../helpers/http.js';
import { configFromEnv } from '../../src/config.js';
import { readEnv } from '../../src/env.js';

/**
 * Sessions over HTTP, beyond tests/auth/sessions.test.ts (caller-level expiry, listing, logout) and
 * tests/http (idle expiry, disable, password change, cookie flags at sign-in): fixation, absolute
 * expiry and the idle boundary as a browser meets them, revocation by an administrator's reset and
 * its permanence, concurrent sessions seen and ended from another device, and the HTTPS cookie on
 * every path that sets or clears it.
 */
const { db } = await testDb();
const { app, clock } = await makeTestApp(db);
const secure = await makeTestApp(db, { config: { secureCookies: true } });
afterAll(async () => {
  await app.close();
  await secure.app.close();
});

const MIN = 60_000;
const tokenOf = (cookie: string) => cookie.split('=')[1]!;
const setCookie = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const me = (cookie: string, a = app) => query(a, 'auth.me', undefined, { cookie });

describe('fixation', () => {
  it('every sign-in gets a new 256-bit token, and only its hash is stored', async () => {
    const { coordinator } = await makeTown(db);
    const first = await signIn(app, coordinator.email, TEST_PASSWORD);
    const second = await signIn(app, coordinator.email, TEST_PASSWORD);
    expect(tokenOf(first)).not.toBe(tokenOf(second));
    for (const c of [first, second]) expect(Buffer.from(tokenOf(c), 'base64url')).toHaveLength(32);
    const rows = await db.session.findMany({ where: { userId: coordinator.id }, select: { tokenHash: true } });
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([sha256(tokenOf(first)), sha256(tokenOf(second))].sort());
    const stored = JSON.stringify(await db.session.findMany({ where: { userId: coordinator.id } }));
    expect(stored).not.toContain(tokenOf(first));
  });

  it('a cookie planted before sign-in is not adopted: the victim gets a token of their own', async () => {
    const { socialWorker } = await makeTown(db);
    const planted = `jisr_session=${'A'.repeat(43)}`;
    const res = await mutate(app, 'auth.login', { email: socialWorker.email, password: TEST_PASSWORD }, { cookie: planted });
    expect(res.statusCode).toBe(200);
    const issued = setCookie(res).split(';')[0]!;
    expect(issued).toMatch(/^jisr_session=[\w-]{43}$/);
    expect(issued).not.toBe(planted);
    expect(appCode(await me(planted))).toBe('UNAUTHENTICATED');
    expect((await me(issued)).statusCode).toBe(200);
  });

  it("an attacker's own live session planted in the victim's browser is ended at the victim's sign-in, never bound to the victim", async () => {
    const { socialWorker, practitioner } = await makeTown(db);
    const attacker = await signIn(app, practitioner.email, TEST_PASSWORD);
    const res = await mutate(app, 'auth.login', { email: socialWorker.email, password: TEST_PASSWORD }, { cookie: attacker });
    const victim = setCookie(res).split(';')[0]!;
    expect(victim).not.toBe(attacker);
    expect(appCode(await me(attacker))).toBe('SESSION_EXPIRED');
    expect(JSON.parse((await me(victim)).body).result.data.json.id).toBe(socialWorker.id);
    const ended = await db.session.findFirstOrThrow({
      where: { tokenHash: sha256(tokenOf(attacker)) },
      select: { userId: true, endReason: true },
    });
    expect(ended).toEqual({ userId: practitioner.id, endReason: 'replaced' });
  });
});

describe('expiry as the browser meets it', () => {
  it('idle: 29 minutes apart keeps a session, 30 minutes and a millisecond ends it', async () => {
    const { auditor } = await makeTown(db);
    const cookie = await signIn(app, auditor.email, TEST_PASSWORD);
    for (let i = 0; i < 3; i++) {
      clock.advance(29 * MIN);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    clock.advance(30 * MIN + 1);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(appCode(res)).toBe('SESSION_EXPIRED');
    expect(setCookie(res)).toMatch(/^jisr_session=; Max-Age=0/);
  });

  it('absolute: 12 hours after sign-in however busy, then a fresh sign-in works', async () => {
    const { coordinator } = await makeTown(db);
    const cookie = await signIn(app, coordinator.email, TEST_PASSWORD);
    for (let t = 0; t < 12 * 60 - 20; t += 20) {
      clock.advance(20 * MIN);
      expect((await me(cookie)).statusCode, `after ${t + 20} minutes`).toBe(200);
    }
    clock.advance(20 * MIN);
    expect(appCode(await me(cookie))).toBe('SESSION_EXPIRED');
    const row = await db.session.findFirstOrThrow({ where: { tokenHash: sha256(tokenOf(cookie)) }, select: { endReason: true } });
    expect(row.endReason).toBe('absolute_timeout');
    expect((await me(await signIn(app, coordinator.email, TEST_PASSWORD))).statusCode).toBe(200);
  });

  it('an expired session stays expired: going back in time does not revive it', async () => {
    const { admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    clock.advance(31 * MIN);
    expect(appCode(await me(cookie))).toBe('SESSION_EXPIRED');
    clock.advance(-31 * MIN);
    expect(appCode(await me(cookie))).toBe('SESSION_EXPIRED');
  });
});

describe('revocation', () => {
  it("an administrator's password reset ends every session of the account at once", async () => {
    const { admin, socialWorker } = await makeTown(db);
    const laptop = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const phone = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const adminCookie = await signIn(app, admin.email, TEST_PASSWORD);
    expect((await mutate(app, 'users.resetPassword', { id: socialWorker.id }, { cookie: adminCookie })).statusCode).toBe(200);
    for (const c of [laptop, phone]) expect(appCode(await me(c))).toBe('SESSION_EXPIRED');
    expect(await db.session.count({ where: { userId: socialWorker.id, endedAt: null } })).toBe(0);
    // The old password is gone too.
    expect(appCode(await mutate(app, 'auth.login', { email: socialWorker.email, password: TEST_PASSWORD }))).toBe('INVALID_CREDENTIALS');
  });

  it('re-enabling a disabled account does not bring its old sessions back', async () => {
    const { admin, practitioner } = await makeTown(db);
    const old = await signIn(app, practitioner.email, TEST_PASSWORD);
    const adminCookie = await signIn(app, admin.email, TEST_PASSWORD);
    await mutate(app, 'users.disable', { id: practitioner.id }, { cookie: adminCookie });
    expect(appCode(await mutate(app, 'auth.login', { email: practitioner.email, password: TEST_PASSWORD }))).toBe('INVALID_CREDENTIALS');
    await mutate(app, 'users.enable', { id: practitioner.id }, { cookie: adminCookie });
    expect(appCode(await me(old))).toBe('SESSION_EXPIRED');
    expect((await me(await signIn(app, practitioner.email, TEST_PASSWORD))).statusCode).toBe(200);
  });

  it('a password change keeps this device, ends the others, and an ended session cannot change the password', async () => {
    const { coordinator } = await makeTown(db);
    const here = await signIn(app, coordinator.email, TEST_PASSWORD);
    const there = await signIn(app, coordinator.email, TEST_PASSWORD);
    expect(
      (
        await mutate(
          app,
          'auth.changePassword',
          { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' },
          { cookie: here },
        )
      ).statusCode,
    ).toBe(200);
    const late = await mutate(
      app,
      'auth.changePassword',
      { currentPassword: TEST_PASSWORD, newPassword: 'an attacker passphrase' },
      { cookie: there },
    );
    expect(appCode(late)).toBe('SESSION_EXPIRED');
    expect((await me(here)).statusCode).toBe(200);
  });
});

describe('concurrent sessions', () => {
  it('are listed to their owner with the current one marked and no token material, and one device ends another', async () => {
    const { socialWorker } = await makeTown(db);
    const laptop = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const phone = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const tablet = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const res = await query(app, 'auth.sessions', undefined, { cookie: laptop });
    const list = JSON.parse(res.body).result.data.json as { id: string; current: boolean }[];
    expect(list).toHaveLength(3);
    expect(list.filter((x) => x.current)).toHaveLength(1);
    for (const c of [laptop, phone, tablet]) {
      expect(res.body).not.toContain(tokenOf(c));
      expect(res.body).not.toContain(sha256(tokenOf(c)));
    }
    expect(res.body).not.toMatch(/tokenHash|token_hash/);
    const phoneId = (await db.session.findFirstOrThrow({ where: { tokenHash: sha256(tokenOf(phone)) }, select: { id: true } })).id;
    expect((await mutate(app, 'auth.endSession', { id: phoneId }, { cookie: laptop })).statusCode).toBe(200);
    expect(appCode(await me(phone))).toBe('SESSION_EXPIRED');
    for (const c of [laptop, tablet]) expect((await me(c)).statusCode).toBe(200);
    const after = JSON.parse((await query(app, 'auth.sessions', undefined, { cookie: tablet })).body).result.data.json as { id: string }[];
    expect(after.map((x) => x.id)).not.toContain(phoneId);
    expect(after).toHaveLength(2);
  });

  it("can't end another user's session, even of the same municipality, and the attempt is audited", async () => {
    const { coordinator, socialWorker } = await makeTown(db);
    const mine = await signIn(app, coordinator.email, TEST_PASSWORD);
    const theirs = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const theirId = (await db.session.findFirstOrThrow({ where: { tokenHash: sha256(tokenOf(theirs)) }, select: { id: true } })).id;
    const res = await mutate(app, 'auth.endSession', { id: theirId }, { cookie: mine });
    expect(appCode(res)).toBe('NOT_FOUND');
    expect((await me(theirs)).statusCode).toBe(200);
    expect(
      await db.auditEvent.count({ where: { actorId: coordinator.id, action: 'auth.sessions.end', outcome: 'denied', entityId: theirId } }),
    ).toBe(1);
  });
});

describe('cookies under the HTTPS configuration', () => {
  const HOST_COOKIE = /^__Host-jisr_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/;
  const HOST_CLEAR = /^__Host-jisr_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict$/;

  it('are __Host- and Secure when set, and when cleared at logout or expiry (a browser ignores a __Host- cookie without them)', async () => {
    const { admin } = await makeTown(db);
    const login = await mutate(secure.app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    const set = setCookie(login);
    expect(set).toMatch(HOST_COOKIE);
    expect(set).not.toMatch(/Domain=/i);
    const cookie = set.split(';')[0]!;
    expect(setCookie(await mutate(secure.app, 'auth.logout', undefined, { cookie }))).toMatch(HOST_CLEAR);

    const again = setCookie(await mutate(secure.app, 'auth.login', { email: admin.email, password: TEST_PASSWORD })).split(';')[0]!;
    secure.clock.advance(31 * MIN);
    const expired = await query(secure.app, 'auth.me', undefined, { cookie: again });
    expect(appCode(expired)).toBe('SESSION_EXPIRED');
    expect(setCookie(expired)).toMatch(HOST_CLEAR);
  });

  it('follow the deployment settings: HTTPS=true and the session minutes reach the cookie and the clock', async () => {
    const config = configFromEnv(
      readEnv({ NODE_ENV: 'production', HTTPS: 'true', SESSION_IDLE_MINUTES: '10', SESSION_ABSOLUTE_HOURS: '1' }),
    );
    expect(config).toMatchObject({ secureCookies: true, session: { idleMs: 10 * MIN, absoluteMs: 60 * MIN } });
    const deployed = await makeTestApp(db, { config });
    const { auditor } = await makeTown(db);
    const login = await mutate(deployed.app, 'auth.login', { email: auditor.email, password: TEST_PASSWORD });
    expect(setCookie(login)).toMatch(HOST_COOKIE);
    const cookie = setCookie(login).split(';')[0]!;
    deployed.clock.advance(10 * MIN + 1);
    expect(appCode(await me(cookie, deployed.app))).toBe('SESSION_EXPIRED');
    await deployed.app.close();
  });

  it('ask browsers for HTTPS from then on (HSTS)', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/healthz' });
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=\d{7,}; includeSubDomains/);
  });
});
