import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { createAdmin } from '../../src/cli/create-admin.js';
import { adminFlags, capture, rowCounts } from '../cli/helpers.js';

const { db } = await testDb();

describe('create-admin --hub', () => {
  it("creates a regional hub with its first admin, audited on the hub's own chain", async () => {
    const printed = capture();
    const flags = adminFlags({ municipality: `CLI Hub ${crypto.randomUUID().slice(0, 8)}`, country: 'JO' });
    expect(await createAdmin(db, [...flags, '--hub'], printed.out)).toBe(0);
    expect(printed.text()).toMatch(/Created regional hub/);
    const email = flags[flags.indexOf('--email') + 1]!;
    const admin = await db.user.findUniqueOrThrow({
      where: { email },
      select: { role: true, municipality: { select: { id: true, kind: true } } },
    });
    expect(admin).toMatchObject({ role: 'admin', municipality: { kind: 'hub' } });
    const events = await db.auditEvent.findMany({
      where: { chain: admin.municipality.id },
      orderBy: { seq: 'asc' },
      select: { action: true, detail: true },
    });
    expect(events.map((e) => e.action)).toEqual(['municipality.create', 'user.create']);
    expect(events[0]!.detail).toMatchObject({ kind: 'hub' });
    // A second admin for the same hub: --hub again finds it.
    const again = capture();
    const name = flags[flags.indexOf('--municipality') + 1]!;
    expect(await createAdmin(db, [...adminFlags({ municipality: name, country: 'JO' }), '--hub'], again.out)).toBe(0);
    expect(again.text()).toMatch(/Using the existing regional hub/);
  });

  it('refuses, changing nothing, an admin for a city with --hub or for a hub without it', async () => {
    const city = `CLI Town ${crypto.randomUUID().slice(0, 8)}`;
    expect(await createAdmin(db, adminFlags({ municipality: city }), capture().out)).toBe(0);
    const hub = `CLI Hub ${crypto.randomUUID().slice(0, 8)}`;
    expect(await createAdmin(db, [...adminFlags({ municipality: hub }), '--hub'], capture().out)).toBe(0);
    const before = await rowCounts(db);
    const asHub = capture();
    expect(await createAdmin(db, [...adminFlags({ municipality: city }), '--hub'], asHub.out)).toBe(1);
    expect(asHub.text()).toMatch(/is a city, not a hub/);
    const asCity = capture();
    expect(await createAdmin(db, adminFlags({ municipality: hub }), asCity.out)).toBe(1);
    expect(asCity.text()).toMatch(/is a hub, not a city \(add --hub for a hub\)/);
    expect(await rowCounts(db)).toEqual(before);
  });
});
