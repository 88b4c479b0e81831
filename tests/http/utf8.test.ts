import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, TEST_PASSWORD } from '../helpers/factories.js';
import { appCode, makeTestApp, ORIGIN, signIn } from '../helpers/http.js';

const { db } = await testDb();
const { app } = await makeTestApp(db);
afterAll(() => app.close());

/** agencies.create with `name` spliced in as raw bytes, as a client that does not check its encoding sends it. */
function createAgency(cookie: string, name: Buffer) {
  const payload = Buffer.concat([Buffer.from('{"json":{"kind":"ngo","name":"'), name, Buffer.from('"}}')]);
  return app.inject({
    method: 'POST',
    url: '/trpc/agencies.create',
    headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
    payload,
  });
}

describe('request bodies that are not valid UTF-8', () => {
  it('are refused with BAD_INPUT and change nothing', async () => {
    const { town, admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const before = await db.agency.count({ where: { municipalityId: town.id } });
    const broken = [
      Buffer.from([0x43, 0x65, 0x6e, 0x74, 0x72, 0x65, 0x20, 0xff]), // a byte that never occurs in UTF-8
      Buffer.from([0x4e, 0x6f, 0x72, 0x64, 0x20, 0xc3, 0x28]), // a lead byte without its continuation
      Buffer.from([0xd9, 0x85, 0xd8, 0xb1, 0xd9]), // Arabic cut off in the middle of a letter
      Buffer.from([0x58, 0x58, 0xed, 0xa0, 0x80]), // a UTF-16 surrogate written as UTF-8
      Buffer.from([0x59, 0x59, 0xc0, 0xaf]), // an overlong "/"
    ];
    for (const name of broken) {
      const res = await createAgency(cookie, name);
      expect(res.statusCode, name.toString('hex')).toBe(400);
      expect(appCode(res)).toBe('BAD_INPUT');
    }
    expect(await db.agency.count({ where: { municipalityId: town.id } })).toBe(before);
    expect(await db.agency.count({ where: { name: { contains: '\uFFFD' } } })).toBe(0);
  });

  it('lets valid UTF-8 through, the replacement character itself included', async () => {
    const { admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    for (const name of ['مركز الشباب', 'Centre \uFFFD typed on purpose']) {
      const res = await createAgency(cookie, Buffer.from(`${name} ${Math.random().toString(36).slice(2, 6)}`));
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('accepts a character split between two chunks of the body', async () => {
    const { admin } = await makeTown(db);
    const cookie = await signIn(app, admin.email, TEST_PASSWORD);
    const body = Buffer.from(JSON.stringify({ json: { kind: 'ngo', name: `جمعية ${Math.random().toString(36).slice(2, 6)}` } }));
    const cut = body.indexOf(0xd8) + 1; // inside the first Arabic letter
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/agencies.create',
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie, 'content-length': String(body.length) },
      payload: Readable.from([body.subarray(0, cut), body.subarray(cut)]),
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
