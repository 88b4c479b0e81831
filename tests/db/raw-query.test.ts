import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality } from '../helpers/factories.js';
import { rawQuery } from '../../src/db.js';
import { Prisma } from '../../src/generated/prisma/client.js';

const { db } = await testDb();

const nameOf = async (id: string) => (await db.municipality.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;

describe('rawQuery', () => {
  it('on the plain client answers rows as Prisma would: dates as Date, arrays, (cast) booleans, nulls', async () => {
    const town = await makeMunicipality(db);
    const [row] = await rawQuery<{ id: string; created_at: Date; tags: string[]; yes: boolean; nothing: null }>(
      db,
      Prisma.sql`SELECT id, created_at, ${['a', 'b']}::text[] AS tags, ${true}::boolean AS yes, NULL AS nothing FROM municipality WHERE id = ${town.id}::uuid`,
    );
    expect(row).toEqual({ id: town.id, created_at: expect.any(Date), tags: ['a', 'b'], yes: true, nothing: null });
  });

  it('inside a transaction runs on its connection: rolled back with it, unseen outside before commit', async () => {
    const town = await makeMunicipality(db, { name: 'Before Raw' });
    await expect(
      db.$transaction(async (tx) => {
        await rawQuery(tx, Prisma.sql`UPDATE municipality SET name = 'After Raw' WHERE id = ${town.id}::uuid`);
        // Still the old name outside: the statement did not go to another connection and commit there.
        expect(await nameOf(town.id)).toBe('Before Raw');
        const [inside] = await rawQuery<{ name: string }>(tx, Prisma.sql`SELECT name FROM municipality WHERE id = ${town.id}::uuid`);
        expect(inside!.name).toBe('After Raw');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await nameOf(town.id)).toBe('Before Raw');
  });
});
