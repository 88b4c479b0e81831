import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { runCli } from '../../src/cli/dispatch.js';
import { verifyChain } from '../../src/audit/verify.js';
import { ENCRYPTED_FIELDS } from '../../src/crypto/rotate.js';

const { db, url } = await testDb();

describe('the keyring', () => {
  it('encrypts with AES-256-GCM under the newest version, bound to the field', () => {
    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const stored = keyring.encrypt('قلق بشأن سلوك الطالب', 'referral.concern');
    expect(stored).toMatch(/^v2\./);
    expect(stored).not.toContain('قلق');
    expect(keyring.decrypt(stored, 'referral.concern')).toBe('قلق بشأن سلوك الطالب');
    expect(() => keyring.decrypt(stored, 'case.note')).toThrow();
    expect(() => testKeyring.decrypt(stored, 'referral.concern')).toThrow(/version 2/);
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
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
    expect(Object.values(after).every((v) => v.startsWith('v2.'))).toBe(true);
    expect(keyring.decrypt(after.concern, 'referral.concern')).toBe('Concern written under key one');
    expect(keyring.decrypt(after.summary, 'case.summary')).toBe('Summary under key one');
    expect(keyring.decrypt(after.note, 'case.note')).toBe('Note under key one');
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
    expect(lines.filter((l) => /\s0 re-encrypted/.test(l))).toHaveLength(ENCRYPTED_FIELDS.length);
  });

  it('refuses to run without JISR_DATA_KEY', async () => {
    const lines: string[] = [];
    const code = await runCli(['rotate-key'], { DATABASE_URL: url }, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/JISR_DATA_KEY is not set/);
  });
});
