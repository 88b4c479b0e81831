import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { keyedCaller } from '../helpers/keyed.js';
import { makeCase } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { appRouter } from '../../src/trpc/router.js';
import { ANSWER_FIELD, answerAad } from '../../src/trpc/idempotency.js';
import { MODELS, NOT_ABOUT_A_PERSON } from '../../src/trpc/replay-access.js';
import { canonicalJson } from '../../src/lib/canonical-json.js';
import { serialize } from '../../src/lib/wire.js';

const { db, owner } = await testDb();

const keyedAs = (user: { id: string; municipalityId: string }) => keyedCaller(db, user);

const counts = async (municipalityId: string) => ({
  referrals: await db.referral.count({ where: { municipalityId } }),
  people: await db.person.count({ where: { municipalityId } }),
  notes: await db.caseNote.count({ where: { case: { municipalityId } } }),
  events: await db.auditEvent.count({ where: { municipalityId } }),
});

const eventsOf = (actorId: string) =>
  db.auditEvent.findMany({
    where: { actorId },
    orderBy: { seq: 'asc' },
    select: { action: true, outcome: true, entityId: true, requestId: true, detail: true },
  });

const note = (caseId: string, body = 'Synthetic note: met the family at the youth centre.') => ({
  caseId,
  body,
  sensitivity: 'standard' as const,
});

describe('a retry with the same key', () => {
  it('referrals.create about a new person: one person, one referral, the same answer; the retry is audited once, as a replay', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.socialWorker);
    const key = randomUUID();
    const first = await as(key).referrals.create(referralInput());
    const before = await counts(town.town.id);
    const again = await as(key).referrals.create(referralInput());
    expect(again).toEqual(first);
    expect(await counts(town.town.id)).toEqual({ ...before, events: before.events + 1 });
    expect(before).toMatchObject({ referrals: 1, people: 1 });

    const events = await eventsOf(town.socialWorker.id);
    expect(events.map((e) => e.action)).toEqual(['person.create', 'referral.create', 'referral.create']);
    expect(events[2]).toMatchObject({ outcome: 'allowed', entityId: first.id, detail: { replayOf: events[1]!.requestId } });
    expect(events[2]!.requestId).not.toBe(events[1]!.requestId);
  });

  it('referrals.create about a registered person (one statement) and cases.addNote (a transaction): the work is done once', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const coordinator = await keyedAs(town.coordinator);
    const known = await makePerson(db, town.town.id, { birthYear: 1990 });
    const [k1, k2] = [randomUUID(), randomUUID()];
    const referral = await coordinator(k1).referrals.create(referralInput({ newPerson: undefined, personId: known.id }));
    const added = await coordinator(k2).cases.addNote(note(c.id));
    const before = await counts(town.town.id);
    expect(await coordinator(k1).referrals.create(referralInput({ newPerson: undefined, personId: known.id }))).toEqual(referral);
    expect(await coordinator(k2).cases.addNote(note(c.id))).toEqual(added);
    expect(await counts(town.town.id)).toEqual({ ...before, events: before.events + 2 });
  });

  it('several at once (Promise.all): one row, every call gets the same answer', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const as = await keyedAs(town.socialWorker);
    const [k1, k2] = [randomUUID(), randomUUID()];
    const before = await counts(town.town.id);
    const referrals = await Promise.all([1, 2, 3, 4].map(() => as(k1).referrals.create(referralInput())));
    const notes = await Promise.all([1, 2, 3, 4].map(() => as(k2).cases.addNote(note(c.id))));
    expect(new Set(referrals.map((r) => r.id)).size).toBe(1);
    expect(new Set(notes.map((n) => n.id)).size).toBe(1);
    expect(await counts(town.town.id)).toMatchObject({
      referrals: before.referrals + 1,
      people: before.people + 1,
      notes: before.notes + 1,
    });
  });
});

describe('a key reused for something else', () => {
  it('another input, or another procedure: CONFLICT (ALREADY_SUBMITTED), nothing written, nothing audited', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const known = await makePerson(db, town.town.id, { birthYear: 1990 });
    const as = await keyedAs(town.coordinator);
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    await as(k1).referrals.create(referralInput());
    await as(k2).cases.addNote(note(c.id));
    await as(k3).referrals.create(referralInput({ newPerson: undefined, personId: known.id }));
    const before = await counts(town.town.id);
    const refused = { code: 'CONFLICT', message: 'ALREADY_SUBMITTED' };
    await expect(as(k1).referrals.create(referralInput({ urgency: 'routine' }))).rejects.toMatchObject(refused);
    await expect(as(k1).referrals.create(referralInput({ newPerson: undefined, personId: known.id }))).rejects.toMatchObject(refused);
    await expect(
      as(k3).referrals.create(referralInput({ newPerson: undefined, personId: known.id, urgency: 'routine' })),
    ).rejects.toMatchObject(refused);
    await expect(as(k2).cases.addNote(note(c.id, 'Another synthetic note.'))).rejects.toMatchObject(refused);
    await expect(as(k2).people.create({ nameLatin: 'Other Synthetic', cohort: 'youth' })).rejects.toMatchObject(refused);
    expect(await counts(town.town.id)).toEqual(before);
  });

  it('by another user: independent; each user gets back only their own answer', async () => {
    const town = await makeTown(db);
    const [a, b] = [await keyedAs(town.socialWorker), await keyedAs(town.practitioner)];
    const key = randomUUID();
    const fromA = await a(key).referrals.create(referralInput());
    const fromB = await b(key).referrals.create(referralInput());
    expect(fromB.id).not.toBe(fromA.id);
    expect(await a(key).referrals.create(referralInput())).toEqual(fromA);
    expect(await b(key).referrals.create(referralInput())).toEqual(fromB);
    expect(await counts(town.town.id)).toMatchObject({ referrals: 2, people: 2 });
  });
});

describe('what is kept', () => {
  it('a refused call keeps no key: the corrected form goes through under the same key, and its retry replays it', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.socialWorker);
    const key = randomUUID();
    // A minor's consent given by the minor alone is refused (at consent.by): nothing is written, the key included.
    const minor = { nameLatin: 'Young Synthetic', birthYear: 2012, cohort: 'youth' as const };
    await expect(as(key).referrals.create(referralInput({ newPerson: minor, cohort: 'youth' }))).rejects.toMatchObject({
      message: 'BAD_INPUT',
    });
    const fixed = referralInput({
      newPerson: minor,
      cohort: 'youth',
      consent: { given: true, by: 'guardian', at: new Date('2026-01-14T10:00:00Z'), scope: 'Support' },
    });
    const created = await as(key).referrals.create(fixed);
    expect(await as(key).referrals.create(fixed)).toEqual(created);
    expect(await counts(town.town.id)).toMatchObject({ referrals: 1, people: 1 });
  });

  it('the answer is stored encrypted under its field, never in plaintext', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.coordinator);
    const key = randomUUID();
    const person = await as(key).people.create({ nameLatin: 'Rania Synthetic', cohort: 'youth' });
    const [row] = await owner.$queryRaw<
      { answer: string; entity_id: string }[]
    >`SELECT answer, entity_id FROM idempotency_key WHERE key = ${key}::uuid`;
    expect(row!.entity_id).toBe(person.id);
    expect(row!.answer).toMatch(/^v1\./);
    expect(row!.answer).not.toContain('Rania');
    const aad = answerAad(town.coordinator.id, key);
    expect(testKeyring.decrypt(row!.answer, aad)).toContain('Rania');
    expect(() => testKeyring.decrypt(row!.answer, 'case.note')).toThrow();
    // Sealed to its row: under the field alone, or another user's row, it does not open.
    expect(() => testKeyring.decrypt(row!.answer, ANSWER_FIELD)).toThrow();
    expect(() => testKeyring.decrypt(row!.answer, answerAad(town.socialWorker.id, key))).toThrow();
    // The input's hash, which would confirm a guessed name and year offline, is nowhere in clear.
    const input = { nameLatin: 'Rania Synthetic', cohort: 'youth' };
    const hash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    const [whole] = await owner.$queryRaw<
      { text: string }[]
    >`SELECT row_to_json(k)::text AS text FROM idempotency_key k WHERE key = ${key}::uuid`;
    expect(whole!.text).not.toContain(hash);
    // The old clear column stays for replicas of the previous release, empty.
    expect(JSON.parse(whole!.text)).toMatchObject({ request_hash: null });
    expect(JSON.parse(testKeyring.decrypt(row!.answer, aad))).toMatchObject({ hash });
  });

  it('a key kept without its sealed hash (before it was sealed) is refused as another request’s, never answered', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.coordinator);
    const key = randomUUID();
    const input = { nameLatin: 'Samir Synthetic', cohort: 'youth' as const };
    const first = await as(key).people.create(input);
    // The older form: the answer alone under the field, its hash in a column that is gone.
    const old = testKeyring.encrypt(JSON.stringify(serialize(first)), ANSWER_FIELD);
    await owner.$executeRaw`UPDATE idempotency_key SET answer = ${old} WHERE key = ${key}::uuid`;
    await expect(as(key).people.create(input)).rejects.toMatchObject({ code: 'CONFLICT', message: 'ALREADY_SUBMITTED' });
  });

  it('an answer copied into another user’s row (by whoever can write the table) opens for no one: refused, not answered', async () => {
    const town = await makeTown(db);
    const [a, b] = [await keyedAs(town.coordinator), await keyedAs(town.socialWorker)];
    const key = randomUUID();
    const input = { nameLatin: 'Leila Synthetic', cohort: 'youth' as const };
    const fromA = await a(key).people.create(input);
    // B makes a row under the same key with another input; then A's sealed answer is copied over it.
    await b(key).people.create({ nameLatin: 'Other Synthetic', cohort: 'youth' });
    await owner.$executeRaw`UPDATE idempotency_key SET answer = (SELECT answer FROM idempotency_key WHERE user_id = ${town.coordinator.id}::uuid AND key = ${key}::uuid)
                            WHERE user_id = ${town.socialWorker.id}::uuid AND key = ${key}::uuid`;
    const refused = await b(key)
      .people.create(input)
      .then(
        () => null,
        (err: { code: string; message: string }) => err,
      );
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'ALREADY_SUBMITTED' });
    expect(JSON.stringify(refused)).not.toContain(fromA.id);
    // The forged row goes, so that rotate-key (last in the file) meets only rows that open.
    await owner.$executeRaw`DELETE FROM idempotency_key WHERE user_id = ${town.socialWorker.id}::uuid AND key = ${key}::uuid`;
  });

  it('a key that is not a UUID is refused (BAD_INPUT) before any work; without a key a call runs as before', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.socialWorker);
    await expect(as('not-a-uuid').referrals.create(referralInput())).rejects.toMatchObject({ message: 'BAD_INPUT' });
    expect(await counts(town.town.id)).toMatchObject({ referrals: 0, people: 0 });
    await as(null).referrals.create(referralInput());
    await as(null).referrals.create(referralInput());
    expect(await counts(town.town.id)).toMatchObject({ referrals: 2, people: 2 });
  });
});

describe('which procedures take a key', () => {
  it('every mutation that creates a record, but users.create (its answer is a one-time password, not kept; the address is unique)', () => {
    const procedures = (
      appRouter as unknown as {
        _def: { procedures: Record<string, { _def: { type: string; meta?: { action?: string; idempotent?: boolean } } }> };
      }
    )._def.procedures;
    const creating =
      /\.create$|^person\.(merge|distinct\.mark)$|^meeting\.(schedule|decide)$|^case\.(disclose|review|breakGlass|consent\.record|consent\.renew)$|^referral\.screen$|^retention\.hold\.place$|^onward\.(send|resend)$|^subject_access\.prepare$|^transfer\.(propose|accept)$|^hub\.member\.add$/;
    const keyed = Object.entries(procedures)
      .filter(([, p]) => p._def.meta?.idempotent)
      .map(([path]) => path);
    const expected = Object.entries(procedures)
      .filter(([path, p]) => p._def.type === 'mutation' && creating.test(p._def.meta?.action ?? '') && path !== 'users.create')
      .map(([path]) => path);
    expect(keyed.sort()).toEqual(expected.sort());
    expect(keyed).toEqual(
      expect.arrayContaining(['referrals.create', 'people.create', 'cases.addNote', 'cases.addIntervention', 'meetings.schedule']),
    );
  });

  it('every keyed call that names a record is checked before a retry is answered, or says why not (replay-access.ts)', () => {
    const procedures = (
      appRouter as unknown as {
        _def: { procedures: Record<string, { _def: { meta?: { idempotent?: boolean; entity?: string; idFrom?: string } } }> };
      }
    )._def.procedures;
    const named = Object.entries(procedures)
      .filter(([, p]) => p._def.meta?.idempotent && p._def.meta.idFrom)
      .map(([path, p]) => [path, p._def.meta!.entity!] as const);
    expect(named.length).toBeGreaterThan(10);
    const unlisted = named.filter(([, type]) => !Object.hasOwn(MODELS, type) && !Object.hasOwn(NOT_ABOUT_A_PERSON, type));
    expect(unlisted).toEqual([]);
    // The two lists do not overlap: a type is either checked or explained.
    expect(Object.keys(MODELS).filter((t) => Object.hasOwn(NOT_ABOUT_A_PERSON, t))).toEqual([]);
  });
});

// Last in the file: the rows of this database are under key 2 afterwards.
describe('rotate-key', () => {
  it('re-encrypts kept answers under the new key, bound to their row (one kept before the binding too)', async () => {
    const town = await makeTown(db);
    const as = await keyedAs(town.coordinator);
    const [bound, older] = [randomUUID(), randomUUID()];
    await as(bound).people.create({ nameLatin: 'Yara Synthetic', cohort: 'youth' });
    await as(older).people.create({ nameLatin: 'Omar Synthetic', cohort: 'youth' });
    // One as the release before sealed it: under the field alone.
    const legacy = testKeyring.encrypt(JSON.stringify({ hash: 'h', answer: serialize({ id: 'x' }) }), ANSWER_FIELD);
    await owner.$executeRaw`UPDATE idempotency_key SET answer = ${legacy} WHERE key = ${older}::uuid`;
    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    expect((await rotateAll(db, keyring)).fields['idempotency.answer']).toBeGreaterThanOrEqual(2);
    for (const [key, words] of [
      [bound, 'Yara'],
      [older, '"x"'],
    ] as const) {
      const [row] = await owner.$queryRaw<{ answer: string }[]>`SELECT answer FROM idempotency_key WHERE key = ${key}::uuid`;
      expect(row!.answer).toMatch(/^v2\./);
      expect(keyring.decrypt(row!.answer, answerAad(town.coordinator.id, key))).toContain(words);
      expect(() => keyring.decrypt(row!.answer, ANSWER_FIELD)).toThrow();
    }
  });
});
