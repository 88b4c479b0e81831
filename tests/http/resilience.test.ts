import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, logSerializers } from '../../src/app.js';
import { createDb } from '../../src/db.js';
import { migrate } from '../../src/migrate.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/embedded.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, mutate, ORIGIN } from '../helpers/http.js';

// A PostgreSQL of this file's own, so it can be stopped and started again under the app.
const dir = await mkdtemp(join(tmpdir(), 'jisr-resilience-'));
await chmod(dir, 0o777);
const port = await freePort();
let server: EmbeddedDatabase = await startEmbeddedPostgres({ dir: join(dir, 'data'), port });
await migrate(server.url);
const lines: string[] = [];
const logStream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
const handle = createDb({ url: server.url, poolMax: 4, onPoolError: () => undefined });
const app = await buildApp({
  db: handle.db,
  config: testConfig(),
  keyring: testKeyring,
  publicOrigin: ORIGIN,
  logger: { level: 'info', stream: logStream, serializers: logSerializers },
});

afterAll(async () => {
  await app.close();
  await handle.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('losing the database', () => {
  it('answers 503 while it is away and serves again when it is back, without a restart', async () => {
    const { admin } = await makeTown(handle.db);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    await server.stop();
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    const refused = await mutate(app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    expect(refused.statusCode).toBe(503);
    expect(appCode(refused)).toBe('UNAVAILABLE');

    server = await startEmbeddedPostgres({ dir: join(dir, 'data'), port });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await mutate(app, 'auth.login', { email: admin.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('logs', () => {
  it('carry the request id and never a password, a token or a query string', async () => {
    const { admin } = await makeTown(handle.db);
    lines.length = 0;
    const res = await mutate(app, 'auth.login', { email: admin.email, password: TEST_PASSWORD });
    const token = String(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    await app.inject({
      method: 'GET',
      url: `/trpc/auth.me?input=${encodeURIComponent(JSON.stringify({ json: { secret: 'x-private' } }))}`,
      headers: { cookie: `jisr_session=${token}` },
    });
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('reqId');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(token);
    expect(text).not.toContain('x-private');
    expect(text).not.toContain(admin.email);
  });
});
