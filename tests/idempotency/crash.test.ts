import { randomUUID } from 'node:crypto';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { ORIGIN, makeTestApp, signIn } from '../helpers/http.js';
import { referralInput } from '../helpers/referral-factories.js';
import { callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/router.js';
import { reminderJob } from '../../src/jobs/runner.js';
import { KEY_LIFETIME_MS } from '../../src/trpc/idempotency.js';

const { db } = await testDb();

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];

/** referrals.create over HTTP as the web client sends it (superjson body), with or without a key. */
const createOver = (app: App, cookie: string, key: string | null) =>
  app.inject({
    method: 'POST',
    url: '/trpc/referrals.create',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: JSON.stringify(superjson.serialize(referralInput())),
  });

const idOf = (res: { body: string }) => (superjson.deserialize(JSON.parse(res.body).result.data) as { id: string }).id;

describe('a write whose answer is lost', () => {
  it('committed, then the answer never reached the browser: the retry with the same key gets the first referral, no second person or referral', async () => {
    const town = await makeTown(db);
    const { app } = await makeTestApp(db);
    // The crash after COMMIT: the first answer is replaced by a gateway error, as a dying server's would be lost.
    let lose = 1;
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.url.startsWith('/trpc/referrals.create') && lose-- > 0) {
        reply.code(502);
        return JSON.stringify({ error: 'lost' });
      }
      return payload;
    });
    const cookie = await signIn(app, town.socialWorker.email, town.socialWorker.password);
    const key = randomUUID();
    expect((await createOver(app, cookie, key)).statusCode).toBe(502);
    const [stored] = await db.referral.findMany({ where: { municipalityId: town.town.id }, select: { id: true } });

    const retry = await createOver(app, cookie, key);
    expect(retry.statusCode).toBe(200);
    expect(idOf(retry)).toBe(stored!.id);
    expect(await db.referral.count({ where: { municipalityId: town.town.id } })).toBe(1);
    expect(await db.person.count({ where: { municipalityId: town.town.id } })).toBe(1);
    await app.close();
  });
});

describe('keys expire', () => {
  it('the reminder job purges the keys older than a day and keeps the others', async () => {
    const town = await makeTown(db);
    const { token, clock } = await callerFor(db, town.socialWorker);
    const call = (key: string) =>
      createCaller(
        createContext({ db, clock, config: testConfig(), keyring: testKeyring }, { token, requestId: randomUUID(), idempotencyKey: key }),
      ).referrals.create(referralInput());
    const [old, recent] = [randomUUID(), randomUUID()];
    await call(old);
    clock.advance(20 * 60_000);
    await call(recent);
    const kept = () => db.idempotencyKey.findMany({ where: { userId: town.socialWorker.id }, select: { key: true } });
    expect(await kept()).toHaveLength(2);

    // Now the first key is a day and ten minutes old, the second ten minutes short of a day.
    const at = new Date(clock().getTime() + KEY_LIFETIME_MS - 10 * 60_000);
    await reminderJob(db, { clock: () => at }).run();
    expect(await kept()).toEqual([{ key: recent }]);
  });
});
