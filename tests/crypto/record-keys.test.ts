import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { AppError } from '../../src/errors.js';
import { ERASED_TEXT, RecordKeys, shredRecordKeys } from '../../src/crypto/record-keys.js';

const { db } = await testDb();

/** Seals a case's summary under its record key as the summary service does. */
async function sealSummary(caseId: string, text: string) {
  const summary = await new RecordKeys(testKeyring).seal(db, { kind: 'case', id: caseId }, `case.summary/${caseId}`, text);
  await db.case.update({ where: { id: caseId }, data: { summary } });
  return summary;
}

/** The data keys of some owners, as stored (raw SQL: the table is read by src/crypto only). */
const keysOf = (ownerIds: string[]) =>
  db.$queryRaw<
    { id: string; municipality_id: string; owner_kind: string; owner_id: string; wrapped: string | null; destroyed_at: Date | null }[]
  >`
    SELECT id::text, municipality_id::text, owner_kind::text, owner_id::text, wrapped, destroyed_at FROM data_key WHERE owner_id = ANY(${ownerIds}::uuid[])`;

const readSummary = async (caseId: string, keys = new RecordKeys(testKeyring)) => {
  const { summary } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { summary: true } });
  return keys.open(db, `case.summary/${caseId}`, summary!, 'case.summary');
};

describe('record data keys', () => {
  it("keep each record's text under its own key, wrapped by the master keyring and bound to the row", async () => {
    const town = await makeTown(db);
    const a = await makeCase(db, town);
    const b = await makeCase(db, town);
    const stored = await sealSummary(a.id, 'ملخص الحالة الأولى');
    await sealSummary(b.id, 'Second case summary');
    expect(stored).toMatch(/^k1\./);
    expect(stored).not.toContain('ملخص');
    expect(await readSummary(a.id)).toBe('ملخص الحالة الأولى');

    const keys = await keysOf([a.id, b.id]);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.owner_kind === 'case' && k.municipality_id === town.town.id && /^v1\./.test(k.wrapped!))).toBe(true);
    expect(keys[0]!.wrapped).not.toBe(keys[1]!.wrapped);

    // A ciphertext copied in SQL into another row does not open there: refused, not shown.
    await db.$executeRaw`UPDATE case_record SET summary = (SELECT summary FROM case_record WHERE id = ${a.id}::uuid) WHERE id = ${b.id}::uuid`;
    await expect(readSummary(b.id)).rejects.toThrow();
    // Nor does a case's summary opened as one of its notes (another field, same key, same row id).
    await expect(new RecordKeys(testKeyring).open(db, `case.note/${a.id}`, stored)).rejects.toThrow();
    // Nor a wrapped key moved onto another owner's key row.
    const [keyA, keyB] = [a.id, b.id].map((id) => keys.find((k) => k.owner_id === id)!);
    await db.$executeRaw`UPDATE data_key SET wrapped = ${keyA!.wrapped} WHERE id = ${keyB!.id}::uuid`;
    await expect(sealSummary(b.id, 'x')).rejects.toThrow();
    await expect(readSummary(a.id)).resolves.toBe('ملخص الحالة الأولى');
  });

  it("shredding destroys one case's key: its text reads as erased, another case's stays readable", async () => {
    const town = await makeTown(db);
    const gone = await makeCase(db, town);
    const kept = await makeCase(db, town);
    await sealSummary(gone.id, 'To be erased');
    await sealSummary(kept.id, 'Still here');
    const note = await db.caseNote.create({
      data: {
        caseId: gone.id,
        municipalityId: town.town.id,
        authorId: town.socialWorker.id,
        body: 'x',
        createdAt: new Date(),
      },
    });
    const keys = new RecordKeys(testKeyring);
    const body = await keys.seal(db, { kind: 'case', id: gone.id }, `case.note/${note.id}`, 'A note of the erased case');
    await db.caseNote.update({ where: { id: note.id }, data: { body } });
    // Written before record keys (master keyring only): erasure must not leave it readable either.
    const legacyNote = await db.caseNote.create({
      data: {
        caseId: gone.id,
        municipalityId: town.town.id,
        authorId: town.socialWorker.id,
        body: testKeyring.encrypt('An old note', 'case.note'),
        createdAt: new Date(),
      },
    });

    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: gone.id }))).toBe(1);

    expect(await readSummary(gone.id)).toBe(ERASED_TEXT);
    const fresh = new RecordKeys(testKeyring);
    expect(await fresh.open(db, `case.note/${note.id}`, body, 'case.note')).toBe(ERASED_TEXT);
    const old = await db.caseNote.findUniqueOrThrow({ where: { id: legacyNote.id } });
    expect(old.body).not.toMatch(/^v1\./);
    expect(await fresh.open(db, `case.note/${legacyNote.id}`, old.body, 'case.note')).toBe(ERASED_TEXT);
    expect(await readSummary(kept.id)).toBe('Still here');

    // Nothing in the database can unwrap it any more.
    const [row] = await keysOf([gone.id]);
    expect(row!.wrapped).toBeNull();
    expect(row!.destroyed_at).toBeInstanceOf(Date);
    // No new text for an erased record, and a second shred destroys nothing more.
    await expect(
      new RecordKeys(testKeyring).seal(db, { kind: 'case', id: gone.id }, `case.summary/${gone.id}`, 'again'),
    ).rejects.toBeInstanceOf(AppError);
    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: gone.id }))).toBe(0);
  });

  it('shredding a record that never had a key leaves a destroyed one, so none can be made for it later', async () => {
    const town = await makeTown(db);
    const kase = await makeCase(db, town);
    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'person', id: kase.person.id }))).toBe(0);
    await expect(
      new RecordKeys(testKeyring).seal(db, { kind: 'person', id: kase.person.id }, `person.safe_contact/${kase.person.id}`, '{}'),
    ).rejects.toBeInstanceOf(AppError);
    // The referral and the case are other records: untouched.
    expect(await keysOf([kase.id, kase.referralId])).toHaveLength(0);
    expect((await keysOf([kase.person.id]))[0]).toMatchObject({ owner_kind: 'person', wrapped: null });
  });

  it("after shredding, the case page shows the case's texts as erased (no crash) while the next case reads as before", async () => {
    const town = await makeTown(db);
    const gone = await makeCase(db, town);
    const kept = await makeCase(db, town);
    const { caller } = await callerFor(db, town.socialWorker);
    for (const c of [gone, kept]) {
      await caller.cases.addNote({ caseId: c.id, body: 'Synthetic note.', sensitivity: 'standard' });
      await caller.cases.updateSummary({ id: c.id, version: 1, summary: 'Synthetic summary.' });
    }
    // A timeline reason written before reasons were sealed (plain words in the entry's JSON).
    await db.caseEvent.create({
      data: {
        caseId: gone.id,
        municipalityId: town.town.id,
        at: new Date(),
        actorId: null,
        kind: 'stage',
        data: { to: 'assessment', reason: 'Old plain words' },
      },
    });
    expect(await db.$transaction((tx) => shredRecordKeys(tx, { kind: 'case', id: gone.id }))).toBe(1);
    const events = await db.caseEvent.findMany({ where: { caseId: gone.id }, select: { data: true } });
    expect(JSON.stringify(events)).not.toContain('Old plain words');

    const page = await caller.cases.get({ id: gone.id });
    expect(page.summary?.text).toBe(ERASED_TEXT);
    expect(page.notes!.items.map((n) => n.body)).toEqual([ERASED_TEXT]);
    const history = await caller.cases.history({ id: gone.id });
    expect(JSON.stringify(history)).not.toContain('Synthetic summary.');
    expect(JSON.stringify(history)).toContain(ERASED_TEXT);
    // Writing to it now is refused, and changes nothing.
    await expect(caller.cases.addNote({ caseId: gone.id, body: 'More.', sensitivity: 'standard' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await db.caseNote.count({ where: { caseId: gone.id } })).toBe(1);

    const other = await caller.cases.get({ id: kept.id });
    expect(other.summary?.text).toBe('Synthetic summary.');
    expect(other.notes!.items.map((n) => n.body)).toEqual(['Synthetic note.']);
  });
});
