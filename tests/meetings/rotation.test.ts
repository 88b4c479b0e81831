import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { openStored } from '../helpers/crypto.js';
import { verifyChain } from '../../src/audit/verify.js';
import { DISSENT_FIELD, MINUTE_FIELD } from '../../src/modules/meetings/access.js';

const { db } = await testDb();

describe('rotate-key', () => {
  it("re-encrypts dissents and minutes under the new key, audited in the meeting's municipality", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], status: 'held' });
    const item = meeting.itemFor(c);
    await db.meetingAgendaItem.update({
      where: { id: item },
      data: { decision: 'escalate', consensus: false, dissent: testKeyring.encrypt('Dissent under key one', DISSENT_FIELD) },
    });
    const minute = await makeMinute(db, meeting, town.coordinator, { body: 'Minute under key one', agendaItemId: item });
    const general = await makeMinute(db, meeting, town.coordinator, { body: 'General minute under key one' });

    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const { fields } = await rotateAll(db, keyring);
    expect(fields[DISSENT_FIELD]).toBeGreaterThanOrEqual(1);
    expect(fields[MINUTE_FIELD]).toBeGreaterThanOrEqual(2);
    const dissent = (await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item }, select: { dissent: true } })).dissent!;
    const minuteOf = async (id: string) => (await db.meetingMinute.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
    const [body, generalBody] = [await minuteOf(minute.id), await minuteOf(general.id)];
    // About the case's agenda item: moved under the case's key, bound to the row.
    expect(dissent).toMatch(/^k1\./);
    expect(body).toMatch(/^k1\./);
    expect(await openStored(db, `${DISSENT_FIELD}/${item}`, dissent, { keyring })).toBe('Dissent under key one');
    expect(await openStored(db, `${MINUTE_FIELD}/${minute.id}`, body, { keyring })).toBe('Minute under key one');
    await expect(openStored(db, `${MINUTE_FIELD}/${general.id}`, body, { keyring })).rejects.toThrow();
    // The meeting's general minutes belong to no record: re-encrypted under the new master key, bound to their row now.
    expect(generalBody).toMatch(/^v2\./);
    expect(keyring.decrypt(generalBody, `${MINUTE_FIELD}/${general.id}`)).toBe('General minute under key one');
    expect(() => keyring.decrypt(generalBody, MINUTE_FIELD)).toThrow();
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, action: 'data.rotateKey' },
      select: { detail: true },
    });
    expect(events.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { field: DISSENT_FIELD, count: 1 },
        { field: MINUTE_FIELD, count: 2 },
      ]),
    );
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });
});
