import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { runCli } from '../../src/cli/dispatch.js';
import { verifyChain } from '../../src/audit/verify.js';
import { ENCRYPTED_FIELDS, LOOSE_WORDS, rotateAll } from '../../src/crypto/rotate.js';
import { RecordKeys } from '../../src/crypto/record-keys.js';

const { db, url } = await testDb();

/** Record data keys as stored (raw SQL: the table is read by src/crypto only). */
const wrappedKeys = (ownerIds: string[]) =>
  db.$queryRaw<{ id: string; owner_kind: string; wrapped: string }[]>`
    SELECT id::text, owner_kind::text, wrapped FROM data_key WHERE owner_id = ANY(${ownerIds}::uuid[])`;

describe('the keyring', () => {
  it('encrypts with AES-256-GCM under the newest version, bound to the field', () => {
    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const stored = keyring.encrypt('قلق بشأن سلوك الطالب', 'referral.concern');
    expect(stored).toMatch(/^v2\./);
    expect(stored).not.toContain('قلق');
    expect(keyring.decrypt(stored, 'referral.concern')).toBe('قلق بشأن سلوك الطالب');
    expect(() => keyring.decrypt(stored, 'case.note')).toThrow();
    expect(() => testKeyring.decrypt(stored, 'referral.concern')).toThrow(/version 2/);
    // One bit of the ciphertext flipped (a character swap could leave the bytes as they were).
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    const tampered = [...parts.slice(0, 3), body.toString('base64url')].join('.');
    expect(() => keyring.decrypt(tampered, 'referral.concern')).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => parseKeyring('1:c2hvcnQ=')).toThrow(/32 bytes/);
  });
});

describe('rotate-key', () => {
  it('re-encrypts every concern, summary and note under the new key, audited, and stays readable', async () => {
    const { town, socialWorker } = await makeTown(db);
    const person = await makePerson(db, town.id);
    const referral = await db.referral.create({
      data: {
        municipalityId: town.id,
        personId: person.id,
        referrerId: socialWorker.id,
        cohort: 'youth',
        source: 'school',
        concernCategories: ['other'],
        concernText: testKeyring.encrypt('Concern written under key one', 'referral.concern'),
        urgency: 'routine',
        consentGiven: true,
        submittedAt: new Date(),
      },
    });
    const kase = await db.case.create({
      data: {
        municipalityId: town.id,
        personId: person.id,
        reference: `R-${referral.id.slice(0, 8)}`,
        cohort: 'youth',
        openedAt: new Date(),
        summary: testKeyring.encrypt('Summary under key one', 'case.summary'),
      },
    });
    const note = await db.caseNote.create({
      data: {
        caseId: kase.id,
        municipalityId: town.id,
        authorId: socialWorker.id,
        body: testKeyring.encrypt('Note under key one', 'case.note'),
        createdAt: new Date(),
      },
    });
    const raw = await db.$queryRaw<{ concern_text: string }[]>`SELECT concern_text FROM referral WHERE id = ${referral.id}::uuid`;
    expect(raw[0]!.concern_text).not.toContain('Concern written');

    const both = `${TEST_KEY_SPEC},${newKeySpec(2)}`;
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(await runCli(['rotate-key'], { DATABASE_URL: url, JISR_DATA_KEY: both }, out)).toBe(0);
    expect(lines.join('\n')).toMatch(/key version 2/);

    const keyring = parseKeyring(both);
    const after = {
      concern: (await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).concernText,
      summary: (await db.case.findUniqueOrThrow({ where: { id: kase.id } })).summary!,
      note: (await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).body,
    };
    // Moved under their records' own keys, bound to their rows; those keys wrapped under version 2.
    expect(Object.values(after).every((v) => v.startsWith('k1.'))).toBe(true);
    const keys = new RecordKeys(keyring);
    expect(await keys.open(db, `referral.concern/${referral.id}`, after.concern)).toBe('Concern written under key one');
    expect(await keys.open(db, `case.summary/${kase.id}`, after.summary)).toBe('Summary under key one');
    expect(await keys.open(db, `case.note/${note.id}`, after.note)).toBe('Note under key one');
    const wrapped = await wrappedKeys([referral.id, kase.id]);
    expect(wrapped.map((k) => k.owner_kind).sort()).toEqual(['case', 'referral']);
    expect(wrapped.every((k) => k.wrapped!.startsWith('v2.'))).toBe(true);
    const events = await db.auditEvent.findMany({ where: { municipalityId: town.id, action: 'data.rotateKey' } });
    expect(events.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { field: 'referral.concern', count: 1 },
        { field: 'case.summary', count: 1 },
        { field: 'case.note', count: 1 },
      ]),
    );
    expect((await verifyChain(db, town.id)).firstBroken).toBeNull();
    // A second run finds nothing left to do.
    lines.length = 0;
    expect(await runCli(['rotate-key'], { DATABASE_URL: url, JISR_DATA_KEY: both }, out)).toBe(0);
    expect(lines.filter((l) => /\s0 re-encrypted/.test(l))).toHaveLength(ENCRYPTED_FIELDS.length + LOOSE_WORDS.length);
    expect(lines.filter((l) => /\s0 re-wrapped/.test(l))).toHaveLength(1);
  });

  it('re-wraps record keys under the new master key; their text stays readable before and after, not re-encrypted', async () => {
    const { town, socialWorker } = await makeTown(db);
    const person = await makePerson(db, town.id);
    const kase = await db.case.create({
      data: {
        municipalityId: town.id,
        personId: person.id,
        reference: `R-${person.id.slice(0, 8)}`,
        cohort: 'youth',
        openedAt: new Date(),
      },
    });
    const summary = await new RecordKeys(testKeyring).seal(
      db,
      { kind: 'case', id: kase.id },
      `case.summary/${kase.id}`,
      'Under a record key',
    );
    await db.case.update({ where: { id: kase.id }, data: { summary } });
    // Written before record keys, under master key 1: readable as it is until rotated.
    const legacy = await db.caseNote.create({
      data: {
        caseId: kase.id,
        municipalityId: town.id,
        authorId: socialWorker.id,
        body: testKeyring.encrypt('Old note', 'case.note'),
        createdAt: new Date(),
      },
    });
    const both = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    expect(await new RecordKeys(both).open(db, `case.note/${legacy.id}`, legacy.body, 'case.note')).toBe('Old note');
    const [before] = await wrappedKeys([kase.id]);
    expect(before!.wrapped).toMatch(/^v1\./);

    const { rewrapped } = await rotateAll(db, both);
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    const [after] = await wrappedKeys([kase.id]);
    expect(after!.wrapped).toMatch(/^v2\./);
    expect(after!.id).toBe(before!.id);
    // The text itself was not touched: the same ciphertext opens through the re-wrapped key, and no longer without key 2.
    expect((await db.case.findUniqueOrThrow({ where: { id: kase.id } })).summary).toBe(summary);
    expect(await new RecordKeys(both).open(db, `case.summary/${kase.id}`, summary)).toBe('Under a record key');
    await expect(new RecordKeys(testKeyring).open(db, `case.summary/${kase.id}`, summary)).rejects.toThrow(/version 2/);
    const moved = (await db.caseNote.findUniqueOrThrow({ where: { id: legacy.id } })).body;
    expect(moved).toMatch(/^k1\./);
    expect(await new RecordKeys(both).open(db, `case.note/${legacy.id}`, moved, 'case.note')).toBe('Old note');
  });

  it('refuses to run without JISR_DATA_KEY', async () => {
    const lines: string[] = [];
    const code = await runCli(['rotate-key'], { DATABASE_URL: url }, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/JISR_DATA_KEY is not set/);
  });
});
