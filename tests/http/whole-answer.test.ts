import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, mutate, query, signIn } from '../helpers/http.js';

const { db } = await testDb();
const { app } = await makeTestApp(db);
afterAll(() => app.close());

/** What a client needs to read an answer in one piece: its length, and no chunked encoding. */
const whole = (res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) => ({
  length: Number(res.headers['content-length']),
  chunked: res.headers['transfer-encoding'] ?? null,
  bytes: res.rawPayload.length,
});

describe('tRPC answers are sent whole, with their length', () => {
  it('a query, a mutation and the sign-in that sets the cookie', async () => {
    const { admin } = await makeTown(db);
    const login = await mutate(app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(login.headers['content-type']).toMatch(/application\/json/);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const me = await query(app, 'auth.me', null, { cookie });
    for (const res of [login, me]) {
      const w = whole(res);
      expect(w).toEqual({ length: w.bytes, chunked: null, bytes: w.bytes });
      expect(w.bytes).toBeGreaterThan(10);
    }
    expect(JSON.parse(me.body).result.data.json.email).toBe(admin.email);
  });

  it('a refusal keeps its status, its code and its headers', async () => {
    const res = await query(app, 'auth.me', null);
    expect(res.statusCode).toBe(401);
    expect(appCode(res)).toBe('UNAUTHENTICATED');
    expect(res.headers['cache-control']).toBe('no-store');
    const w = whole(res);
    expect(w).toEqual({ length: w.bytes, chunked: null, bytes: w.bytes });
  });
});
