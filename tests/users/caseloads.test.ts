import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { leaverWithWork } from './caseload-fixture.js';

const { db } = await testDb();

describe('users.caseloads', () => {
  it('lists the accounts of the town holding work, a disabled leaver first, with counts and nothing of another town', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const w = await leaverWithWork(db, town);
    await leaverWithWork(db, elsewhere);
    await (await callerFor(db, town.admin)).caller.users.disable({ id: w.leaver.id, pickUpConfirmedBy: town.coordinator.id });
    for (const who of [town.coordinator, town.admin]) {
      const list = await (await callerFor(db, who)).caller.users.caseloads();
      // The leaver (disabled), the colleague (key worker of the fixture's other case); nobody of the other town.
      expect(list.map((u) => u.id)).toEqual([w.leaver.id, w.colleague.id]);
      expect(list[0]).toMatchObject({ counts: { case: 1, intervention: 1, task: 1, invitation: 1, disclosure: 1 }, total: 5 });
      expect(list[0]!.disabledAt).toBeInstanceOf(Date);
      expect(list[1]).toMatchObject({ counts: { case: 1, intervention: 0, task: 0, invitation: 0, disclosure: 0 }, total: 1 });
    }
    for (const who of [w.colleague, town.practitioner, town.auditor]) {
      await expect((await callerFor(db, who)).caller.users.caseloads()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
