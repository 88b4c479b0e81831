import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db.js';
import { testDb } from '../helpers/db.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, mutate, ORIGIN, query, signIn } from '../helpers/http.js';

/**
 * Production mode: no error response carries a stack trace, a file path, a driver or SQL message,
 * a parser's words or a validator's sentence; only a status, an app code to translate and field keys.
 * NODE_ENV is `production` and the app is built with the production configuration (src/config.ts
 * derives `production` from NODE_ENV); tRPC never runs in dev mode (src/trpc/init.ts).
 */
const previousEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
const { db } = await testDb();

/** Internals a failure might drag along; none may reach the client. */
const SECRET = 'relation "app_user_secret" does not exist; SELECT password_hash FROM app_user -- /srv/jisr/src/modules/auth/login.ts:42:7';
const INTERNALS = [
  /\bat \S+ \(?[^\s)]+:\d+:\d+\)?/, // a stack frame
  /node_modules|\/srv\/|\/src\/|\.ts\b|\.js:\d+/,
  /\bstack\b/i,
  /prisma|postgres|SQLSTATE|relation "/i,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
  /SyntaxError|TypeError|ReferenceError|ZodError/,
  /Unexpected (token|end)|JSON at position|is not valid JSON/i,
  /Invalid input|expected \w+, received/i,
  /password_hash|app_user_secret/,
];

function expectNoInternals(res: { statusCode: number; body: string }) {
  for (const pattern of INTERNALS) expect(res.body, `${res.statusCode} answer matches ${pattern}`).not.toMatch(pattern);
}

/** The test database, except that `model.method` fails as a broken query would, with internals in its message. */
function failingAt(real: Db, model: 'user' | 'session' | '$queryRaw', method?: string): Db {
  const broken = async () => {
    throw Object.assign(new Error(SECRET), { code: 'P2010', meta: { query: 'SELECT password_hash FROM app_user' } });
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop === model && !method) return broken;
      if (prop === model) return new Proxy(target[model], { get: (m, k) => (k === method ? broken : Reflect.get(m, k)) });
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const build = (database: Db) =>
  buildApp({ db: database, config: testConfig(), keyring: testKeyring, publicOrigin: ORIGIN, loginPerMinute: 1_000 });

const app = await build(db);
const apps = [app];
afterAll(async () => {
  for (const a of apps) await a.close();
  process.env.NODE_ENV = previousEnv;
});

describe('in production mode, error answers carry no internals', () => {
  it('a forced 500 in a public procedure: 500 INTERNAL, nothing more', async () => {
    const broken = await build(failingAt(db, 'user', 'findUnique'));
    apps.push(broken);
    const res = await mutate(broken, 'auth.login', { email: 'someone@test.jisr.local', password: 'whatever it may be' });
    expect(res.statusCode).toBe(500);
    expect(appCode(res)).toBe('INTERNAL');
    expect(JSON.parse(res.body).error.json.message).toBe('INTERNAL');
    expectNoInternals(res);
  });

  it('a forced 500 while resolving a session (every signed-in procedure)', async () => {
    const { coordinator } = await makeTown(db);
    const cookie = await signIn(app, coordinator.email, TEST_PASSWORD);
    // The session is resolved with one raw query (the session joined to its user).
    const broken = await build(failingAt(db, '$queryRaw'));
    apps.push(broken);
    for (const res of [await query(broken, 'cases.list', {}, { cookie }), await mutate(broken, 'auth.logout', undefined, { cookie })]) {
      expect(res.statusCode).toBe(500);
      expect(appCode(res)).toBe('INTERNAL');
      expectNoInternals(res);
    }
  });

  it('a forced 500 outside tRPC: the generic answer of the error handler', async () => {
    const bare = await build(db);
    apps.push(bare);
    bare.get('/boom', async () => {
      throw new TypeError(SECRET);
    });
    bare.get('/teapot', async () => {
      throw Object.assign(new Error(SECRET), { statusCode: 418 });
    });
    const boom = await bare.inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.json()).toEqual({ error: 'internal' });
    const teapot = await bare.inject({ method: 'GET', url: '/teapot' });
    expect(teapot.statusCode).toBe(418);
    expect(teapot.json()).toEqual({ error: 'bad_request' });
  });

  it("a validation error: 400 BAD_INPUT with field keys, at any depth, without the validator's sentences", async () => {
    const { socialWorker } = await makeTown(db);
    const cookie = await signIn(app, socialWorker.email, TEST_PASSWORD);
    const input = {
      newPerson: { nameLatin: 7, birthYear: 'soon', languages: [1, { deep: { deeper: [null] } }], cohort: 'martian' },
      cohort: null,
      source: ['school'],
      concernCategories: 'all',
      concernText: { toString: 'x' },
      urgency: 3,
      consent: { given: 'yes' },
    };
    const res = await mutate(app, 'referrals.create', input, { cookie });
    expect(res.statusCode).toBe(400);
    const data = JSON.parse(res.body).error.json.data;
    expect(data.appCode).toBe('BAD_INPUT');
    expect(Object.keys(data.fields).length).toBeGreaterThan(3);
    for (const key of Object.values(data.fields as Record<string, string>)) expect(key).toMatch(/^[a-z_]+$/);
    expectNoInternals(res);
  });

  it("an unknown procedure or page: 404 without the router's words", async () => {
    for (const res of [
      await app.inject({ method: 'GET', url: '/trpc/cases.noSuchThing' }),
      await app.inject({
        method: 'POST',
        url: '/trpc/no.such',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: '{}',
      }),
      await app.inject({ method: 'GET', url: '/no/such/file.js' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/No procedure found|not found on path/i);
      expectNoInternals(res);
    }
  });

  it("malformed JSON, a body too large, a wrong query encoding: 4xx without the parser's words", async () => {
    const post = (payload: string) =>
      app.inject({ method: 'POST', url: '/trpc/auth.login', headers: { 'content-type': 'application/json', origin: ORIGIN }, payload });
    const answers = [
      await post('{"json": {"email": "a@b.test", "password": '),
      await post('{"json": tru}'),
      await post('\u0000\u0001not json at all'),
      await post(JSON.stringify({ json: { email: 'a@b.test', password: 'x'.repeat(1_100_000) } })),
      await app.inject({ method: 'GET', url: '/trpc/cases.list?input=%7B%22json%22%3A' }),
      await app.inject({ method: 'GET', url: '/trpc/cases.list?input=%E0%A4%A' }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expectNoInternals(res);
    }
    expect(answers[0]!.statusCode).toBe(400);
    expect(answers[3]!.statusCode).toBe(413);
  });
});
