import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, mutate, ORIGIN, query, signIn } from '../helpers/http.js';
import { buildApp } from '../../src/app.js';
import { createDb } from '../../src/db.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { freePort } from '../../src/embedded.js';

const { db } = await testDb();
const { app } = await makeTestApp(db);
afterAll(() => app.close());

describe('cookies', () => {
  it('are HttpOnly and SameSite=Strict, without Secure over plain HTTP', async () => {
    const { admin } = await makeTown(db);
    const res = await mutate(app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^jisr_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
  });

  it('become __Host- and Secure when served over HTTPS', async () => {
    const secure = await makeTestApp(db, { config: { secureCookies: true } });
    const { admin } = await makeTown(db);
    const res = await mutate(secure.app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-jisr_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    // The plain name is not accepted by the HTTPS configuration.
    const me = await query(secure.app, 'auth.me', undefined, { cookie: cookie.split(';')[0]!.replace('__Host-', '') });
    expect(appCode(me)).toBe('UNAUTHENTICATED');
    await secure.app.close();
  });

  it('are cleared at logout', async () => {
    const { admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const res = await mutate(app, 'auth.logout', undefined, { cookie });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^jisr_session=; Max-Age=0/);
    expect(appCode(await query(app, 'auth.me', undefined, { cookie }))).toBe('SESSION_EXPIRED');
  });
});

describe('security headers', () => {
  it('are on every response, with no-store on /trpc', async () => {
    for (const url of ['/healthz', '/trpc/auth.me', '/no-such-page']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await app.inject({ method: 'GET', url: '/trpc/auth.me' })).headers['cache-control']).toBe('no-store');
  });
});

describe('CSRF', () => {
  const login = (headers: Record<string, string>, method: 'POST' | 'GET' = 'POST') =>
    app.inject({
      method,
      url: '/trpc/auth.login',
      headers,
      payload: method === 'POST' ? JSON.stringify({ json: { email: 'a@b.c', password: 'x' } }) : undefined,
    });

  it('refuses a mutation without the app origin', async () => {
    const noOrigin = await login({ 'content-type': 'application/json' });
    expect(noOrigin.statusCode).toBe(403);
    expect(appCode(noOrigin)).toBe('CSRF_REJECTED');
    const otherOrigin = await login({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(otherOrigin.statusCode).toBe(403);
  });

  it('refuses a mutation that is not JSON (a form post)', async () => {
    const form = await app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: 'email=a',
    });
    expect(form.statusCode).toBe(415);
    expect(appCode(form)).toBe('CSRF_REJECTED');
  });

  it('never changes state on GET', async () => {
    const { admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const input = encodeURIComponent(JSON.stringify({ json: { name: 'Via GET', kind: 'ngo' } }));
    const res = await app.inject({ method: 'GET', url: `/trpc/agencies.create?input=${input}`, headers: { cookie } });
    expect(res.statusCode).toBe(405);
    expect(await db.agency.count({ where: { name: 'Via GET' } })).toBe(0);
    expect((await app.inject({ method: 'PUT', url: '/trpc/agencies.create', headers: { cookie, origin: ORIGIN } })).statusCode).toBe(405);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 RATE_LIMITED per IP past the limit', async () => {
    const limited = await makeTestApp(db, { loginPerMinute: 3 });
    const attempt = (ip: string) =>
      limited.app.inject({
        method: 'POST',
        url: '/trpc/auth.login',
        remoteAddress: ip,
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify({ json: { email: 'x@y.test', password: 'wrong password' } }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt('198.51.100.7')).statusCode).toBe(401);
    const blocked = await attempt('198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    expect(appCode(blocked)).toBe('RATE_LIMITED');
    expect((await attempt('198.51.100.8')).statusCode).toBe(401);
    await limited.app.close();
  });
});

describe('errors', () => {
  it('never show internals: bad input gets field keys, not stack traces', async () => {
    const res = await mutate(app, 'auth.login', { email: 42, password: null });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body).error.json;
    expect(body.data).toMatchObject({ appCode: 'BAD_INPUT', fields: { email: 'invalid_type', password: 'required' } });
    expect(res.body).not.toMatch(/stack|node_modules|prisma|at .*\.ts/i);
  });
});

describe('/healthz', () => {
  it('is 200 when the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is 503 when it does not, and procedures answer 503 UNAVAILABLE', async () => {
    const port = await freePort();
    const dead = createDb({ url: `postgresql://postgres@127.0.0.1:${port}/none` });
    const down = await buildApp({ db: dead.db, config: testConfig(), keyring: testKeyring, publicOrigin: ORIGIN });
    const health = await down.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    const login = await mutate(down, 'auth.login', { email: 'a@b.test', password: 'whatever it is' });
    expect(login.statusCode).toBe(503);
    expect(appCode(login)).toBe('UNAVAILABLE');
    await down.close();
    await dead.close();
  });
});

describe('password guesses', () => {
  it('count against the limit however the path is spelled, and cannot be batched', async () => {
    const limited = await makeTestApp(db, { loginPerMinute: 2 });
    const post = (url: string) =>
      limited.app.inject({
        method: 'POST',
        url,
        remoteAddress: '198.51.100.20',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify({ json: { email: 'x@y.test', password: 'wrong password' } }),
      });
    expect((await post('/trpc/auth.login')).statusCode).toBe(401);
    expect((await post('/trpc/auth%2Elogin')).statusCode).toBe(401);
    expect((await post('/%74rpc/auth.login')).statusCode).toBe(429);
    const batch = await limited.app.inject({
      method: 'POST',
      url: '/trpc/auth.me,auth.me?batch=1',
      remoteAddress: '198.51.100.21',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: JSON.stringify({ 0: { json: null }, 1: { json: null } }),
    });
    expect(batch.statusCode).toBe(400);
    // An encoded path gets the same CSRF check as a plain one.
    const noOrigin = await limited.app.inject({
      method: 'POST',
      url: '/%74rpc/auth.logout',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noOrigin.statusCode).toBe(403);
    await limited.app.close();
  });
});
