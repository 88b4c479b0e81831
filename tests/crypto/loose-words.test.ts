import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { TEST_KEY_SPEC, callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import { openStored } from '../helpers/crypto.js';
import { recordKeysJob } from '../../src/jobs/record-keys.js';
import { ENCRYPTED_FIELDS, rotateAll } from '../../src/crypto/rotate.js';
import { shredRecordKeys } from '../../src/crypto/record-keys.js';
import { MASTER_SQL, SEALED_SQL } from '../../src/crypto/envelope.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { verifyChain } from '../../src/audit/verify.js';

const { db } = await testDb();

/** A timeline entry as a server from before sealed reasons wrote it (raw: the app never writes one like this now). */
async function oldEvent(c: { id: string; municipalityId: string }, actorId: string, kind: string, data: Record<string, unknown>) {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO case_event (case_id, municipality_id, at, actor_id, kind, data)
    VALUES (${c.id}::uuid, ${c.municipalityId}::uuid, now(), ${actorId}::uuid, ${kind}, ${JSON.stringify(data)}::jsonb) RETURNING id`;
  return row!.id;
}
const rawData = async (id: bigint) =>
  (await db.$queryRaw<{ data: Record<string, string> }[]>`SELECT data FROM case_event WHERE id = ${id}`)[0]!.data;

/**
 * Every encrypted column of one town, as stored: what is not under a record key (`k1.`), erased, empty
 * or master-keyed is plain words. Columns with an owner must hold no master-keyed value either once moved.
 */
async function leftovers(municipalityId: string) {
  const found: string[] = [];
  for (const e of ENCRYPTED_FIELDS) {
    const town = 'town' in e ? e.town : 'municipality_id';
    const owned = 'owner' in e ? `(${e.owner.id}) IS NOT NULL` : 'false';
    const rows = await db.$queryRawUnsafe<{ value: string; owned: boolean }[]>(
      `SELECT ${e.column} AS value, ${owned} AS owned FROM ${e.table}
        WHERE ${town} = $1::uuid AND ${e.column} IS NOT NULL AND ${e.column} NOT IN ('', 'x.erased') AND ${e.column} !~ '${SEALED_SQL}'`,
      municipalityId,
    );
    for (const r of rows) if (r.owned || !new RegExp(MASTER_SQL).test(r.value)) found.push(`${e.table}.${e.column}`);
  }
  const events = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM case_event WHERE municipality_id = ${municipalityId}::uuid AND jsonb_typeof(data) = 'object'
       AND ((data ? 'reason' AND data->>'reason' !~ ${SEALED_SQL}) OR (data ? 'purpose' AND data->>'purpose' !~ ${SEALED_SQL}))`;
  for (const e of events) found.push(`case_event ${e.id}`);
  return found;
}

describe('timeline words and general minutes from before (the start-up job)', () => {
  it("seals old timeline reasons and purposes under the case's key, bound to the entry; the timeline shows the same words", async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { summary: 'Synthetic summary from before.' });
    const actor = town.coordinator.id;
    const stage = await oldEvent(c, actor, 'stage', { from: 'intake', to: 'assessment', reason: 'Agreed with the family (synthetic).' });
    // A reason written by an older server under the master keyring, bound to the entry.
    const review = await oldEvent(c, actor, 'review', { previous: null, next: '2026-03-01', reason: 'placeholder' });
    await db.$executeRaw`UPDATE case_event SET data = jsonb_set(data, '{reason}', to_jsonb(${testKeyring.encrypt('Review moved (synthetic).', `case_event.reason/${review}`)}::text)) WHERE id = ${review}`;
    const disclose = await oldEvent(c, actor, 'disclose', {
      disclosureId: '00000000-0000-4000-8000-000000000001',
      sections: ['summary'],
      purpose: 'Free purpose words from before (synthetic).',
    });
    const facts = await oldEvent(c, actor, 'assign', { role: 'keyWorker', from: null, to: town.socialWorker.id });
    expect(await leftovers(town.town.id)).toEqual(expect.arrayContaining([`case_event ${stage}`, `case_event ${disclose}`]));

    const moved = await recordKeysJob(db, testKeyring).run();
    expect(moved['case_event.reason']).toBeGreaterThanOrEqual(2);
    expect(moved['case_event.purpose']).toBeGreaterThanOrEqual(1);

    const s = await rawData(stage);
    expect(s.reason).toMatch(/^k1\./);
    expect(await openStored(db, `case_event.reason/${stage}`, s.reason!)).toBe('Agreed with the family (synthetic).');
    expect(await openStored(db, `case_event.reason/${review}`, (await rawData(review)).reason!)).toBe('Review moved (synthetic).');
    const d = await rawData(disclose);
    expect(d.purpose).toMatch(/^k1\./);
    expect(await openStored(db, `case_event.purpose/${disclose}`, d.purpose!)).toBe('Free purpose words from before (synthetic).');
    expect(await rawData(facts)).toEqual({ role: 'keyWorker', from: null, to: town.socialWorker.id });
    // Nothing in this town is left as plain words or under the master key where a record key should be.
    expect(await leftovers(town.town.id)).toEqual([]);

    const { caller } = await callerFor(db, town.coordinator);
    const timeline = (await caller.cases.get({ id: c.id })).timeline;
    const reasons = timeline.flatMap((e) => (typeof e.data.reason === 'string' ? [e.data.reason] : []));
    expect(reasons).toEqual(expect.arrayContaining(['Agreed with the family (synthetic).', 'Review moved (synthetic).']));

    // Bound to the entry: the sealed reason copied onto another entry does not open there.
    await db.$executeRaw`UPDATE case_event SET data = jsonb_set(data, '{reason}', to_jsonb(${s.reason}::text)) WHERE id = ${review}`;
    await expect(caller.cases.get({ id: c.id })).rejects.toBeDefined();

    const again = await recordKeysJob(db, testKeyring).run();
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });

  it('drops an old reason whose case was erased since (its key destroyed) instead of keeping it as words', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: c.id }));
    const id = await oldEvent(c, town.coordinator.id, 'close', { from: 'review', to: 'closed', reason: 'Words of an erased case.' });
    await recordKeysJob(db, testKeyring).run();
    expect(await rawData(id)).toEqual({ from: 'review', to: 'closed' });
  });

  it('binds a general minute from before to its row; the meeting page shows it; a copy in another minute does not open', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], status: 'held' });
    // makeMinute writes as before: master keyring, bound to the field alone.
    const old = await makeMinute(db, meeting, town.coordinator, { body: 'General minute from before (synthetic).' });
    const other = await makeMinute(db, meeting, town.coordinator, { body: 'Another general minute (synthetic).' });
    const { caller } = await callerFor(db, town.coordinator);
    const bodies = async () => (await caller.meetings.get({ id: meeting.id })).minutes.map((m) => m.body);
    // Still readable before the job.
    expect(await bodies()).toContain('General minute from before (synthetic).');

    const moved = await recordKeysJob(db, testKeyring).run();
    expect(moved['meeting.minute.general']).toBeGreaterThanOrEqual(2);
    const stored = (await db.meetingMinute.findUniqueOrThrow({ where: { id: old.id }, select: { body: true } })).body;
    expect(stored).toMatch(/^v1\./);
    expect(testKeyring.decrypt(stored, `meeting.minute/${old.id}`)).toBe('General minute from before (synthetic).');
    expect(() => testKeyring.decrypt(stored, 'meeting.minute')).toThrow();
    expect(await bodies()).toEqual(
      expect.arrayContaining(['General minute from before (synthetic).', 'Another general minute (synthetic).']),
    );

    // A new general minute is row-bound from the start.
    const added = await caller.meetings.addMinute({ meetingId: meeting.id, body: 'A new general minute (synthetic).' });
    const fresh = (await db.meetingMinute.findUniqueOrThrow({ where: { id: added.id }, select: { body: true } })).body;
    expect(testKeyring.decrypt(fresh, `meeting.minute/${added.id}`)).toBe('A new general minute (synthetic).');
    expect((await recordKeysJob(db, testKeyring).run())['meeting.minute.general']).toBe(0);

    const kept = (await db.meetingMinute.findUniqueOrThrow({ where: { id: other.id }, select: { body: true } })).body;
    await db.meetingMinute.update({ where: { id: other.id }, data: { body: stored } });
    await expect(bodies()).rejects.toBeDefined();
    await db.meetingMinute.update({ where: { id: other.id }, data: { body: kept } });
  });

  it('rotate-key re-encrypts a row-bound general minute under the new master key, still bound to its row', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], status: 'held' });
    const m = await makeMinute(db, meeting, town.coordinator, { body: 'Minute before rotation (synthetic).' });
    await recordKeysJob(db, testKeyring).run();
    const both = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const { fields } = await rotateAll(db, both);
    expect(fields['meeting.minute']).toBeGreaterThanOrEqual(1);
    const stored = (await db.meetingMinute.findUniqueOrThrow({ where: { id: m.id }, select: { body: true } })).body;
    expect(stored).toMatch(/^v2\./);
    expect(both.decrypt(stored, `meeting.minute/${m.id}`)).toBe('Minute before rotation (synthetic).');
  });
});
