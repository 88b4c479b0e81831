import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { connectClient } from '../../src/lib/pg-client.js';
import { rawQuery } from '../../src/db.js';
import { Prisma } from '../../src/generated/prisma/client.js';

const { db, url } = await testDb();

describe('connectClient (set-up connections: migrations, the job runner lock)', () => {
  it('survives its connection being cut while idle (a server shutting down): the next statement fails instead of the process', async () => {
    const client = await connectClient(url);
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    const ended = new Promise((ok) => client.once('end', ok));
    // What a fast shutdown does to every backend; an 'error' event without a listener would end this test run.
    await rawQuery(db, Prisma.sql`SELECT pg_terminate_backend(${pid}::int)`);
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await client.end().catch(() => undefined);
  });
});
