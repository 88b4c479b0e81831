import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { callerFor, TEST_KEY_SPEC, testKeyring } from '../helpers/callers.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { manualClock, type ManualClock } from '../../src/lib/clock.js';
import { purgeDrafts } from '../../src/modules/drafts/service.js';

const { db } = await testDb();
const DAY = 86_400_000;
const CONCERN = 'Synthetic concern: the boy stopped attending school after the family moved to the camp.';
const as = async (user: { id: string; municipalityId: string }, clock?: ManualClock) => (await callerFor(db, user, { clock })).caller;
const referralDraft = (id = randomUUID(), concernText = CONCERN) => ({
  id,
  kind: 'referral' as const,
  fields: { concernText, cohort: 'youth', concernCategories: ['school_dropout', 'family'] },
});
const bodyOf = async (id: string) => (await db.draft.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;

describe('a draft is its author’s alone', () => {
  it('is saved, saved again under the same id, listed with the start of its text, read back and discarded by its author', async () => {
    const { socialWorker } = await makeTown(db);
    const me = await as(socialWorker);
    const draft = referralDraft();
    const first = await me.drafts.save(draft);
    await me.drafts.save({ ...draft, fields: { ...draft.fields, concernText: `${CONCERN} More.` } });
    expect(await db.draft.count({ where: { authorId: socialWorker.id } })).toBe(1);
    const list = await me.drafts.list();
    expect(list).toMatchObject([{ id: first.id, kind: 'referral', caseId: null, preview: `${CONCERN} More.`.slice(0, 80) }]);
    expect(await me.drafts.get({ id: draft.id })).toMatchObject({
      fields: { concernText: `${CONCERN} More.`, concernCategories: ['school_dropout', 'family'] },
    });
    await me.drafts.discard({ id: draft.id });
    expect(await me.drafts.list()).toEqual([]);
    await expect(me.drafts.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is NOT_FOUND to a colleague, the coordinator and another town, and the auditor and admin are refused outright; their attempts change nothing and are audited', async () => {
    const a = await makeTown(db);
    const b = await makeTown(db);
    const draft = referralDraft();
    await (await as(a.socialWorker)).drafts.save(draft);
    const before = await bodyOf(draft.id);
    const colleague = await makeUser(db, { municipalityId: a.town.id, role: 'social_worker' });
    for (const other of [colleague, a.coordinator, a.practitioner, b.socialWorker, b.coordinator]) {
      const caller = await as(other);
      await expect(caller.drafts.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.drafts.discard({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // A crafted save over someone else's id neither takes the draft over nor changes it.
      await expect(caller.drafts.save(referralDraft(draft.id, 'Synthetic overwrite attempt.'))).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await caller.drafts.list()).toEqual([]);
    }
    for (const other of [a.auditor, a.admin]) {
      const caller = await as(other);
      await expect(caller.drafts.get({ id: draft.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.drafts.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.drafts.save(referralDraft())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await bodyOf(draft.id)).toBe(before);
    expect(await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { authorId: true } })).toEqual({
      authorId: a.socialWorker.id,
    });
    const denied = await db.auditEvent.findMany({
      where: { actorId: colleague.id, outcome: 'denied' },
      select: { action: true, entityType: true, entityId: true },
    });
    expect(denied).toEqual(
      expect.arrayContaining([
        { action: 'draft.read', entityType: 'Draft', entityId: draft.id },
        { action: 'draft.save', entityType: 'Draft', entityId: draft.id },
        { action: 'draft.discard', entityType: 'Draft', entityId: draft.id },
      ]),
    );
  });

  it('answers an id that exists nowhere NOT_FOUND, and refuses a malformed one or an oversized draft as bad input', async () => {
    const { socialWorker } = await makeTown(db);
    const me = await as(socialWorker);
    await expect(me.drafts.get({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(me.drafts.discard({ id: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(me.drafts.get({ id: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(me.drafts.save({ ...referralDraft(), fields: { concernText: 'x'.repeat(20_001) } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // A referral names no case; a note needs one.
    await expect(me.drafts.save({ ...referralDraft(), caseId: randomUUID() })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(me.drafts.save({ id: randomUUID(), kind: 'case_note', fields: { body: 'Synthetic note.' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.draft.count({ where: { authorId: socialWorker.id } })).toBe(0);
  });
});

describe('a note’s draft', () => {
  it('is kept for a case its author may write notes on, and refused for another town’s case or one they may not read', async () => {
    const a = await makeTown(db);
    const b = await makeTown(db);
    const mine = await makeCase(db, a);
    const theirs = await makeCase(db, b);
    const stranger = await makeCase(db, a, { keyWorkerId: a.coordinator.id });
    const me = await as(a.socialWorker);
    const note = { id: randomUUID(), kind: 'case_note' as const, caseId: mine.id, fields: { body: 'Synthetic note: visited the family.' } };
    await me.drafts.save(note);
    expect(await me.drafts.list()).toMatchObject([{ id: note.id, kind: 'case_note', caseId: mine.id, caseReference: mine.reference }]);
    for (const c of [theirs, stranger]) {
      await expect(me.drafts.save({ ...note, id: randomUUID(), caseId: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // The same id cannot be moved to another case or kind.
    await expect(me.drafts.save(referralDraft(note.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.draft.count({ where: { authorId: a.socialWorker.id } })).toBe(1);
  });
});

describe('expiry', () => {
  it('follows the municipality’s setting (7 days unless set), hides an expired draft at once, and the sweep deletes it', async () => {
    const { town, socialWorker, practitioner } = await makeTown(db);
    const clock = manualClock();
    const kept = referralDraft();
    const saved = await (await as(socialWorker, clock)).drafts.save(kept);
    expect(saved.expiresAt.getTime() - clock().getTime()).toBe(7 * DAY);
    await db.municipality.update({ where: { id: town.id }, data: { draftDays: 2 } });
    const short = referralDraft();
    await (await as(practitioner, clock)).drafts.save(short);

    clock.advance(2 * DAY + 1);
    const later = await as(practitioner, clock);
    await expect(later.drafts.get({ id: short.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(later.drafts.save(short)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await later.drafts.list()).toEqual([]);
    expect(await purgeDrafts(db, clock())).toBeGreaterThanOrEqual(1);
    expect(await db.draft.count({ where: { id: short.id } })).toBe(0);
    // The 7-day draft was saved before the change and keeps its expiry.
    expect(await (await as(socialWorker, clock)).drafts.get({ id: kept.id })).toMatchObject({ id: kept.id });
  });
});

describe('at rest', () => {
  it('is encrypted and bound to its row; neither the row nor any audit event holds the typed text', async () => {
    const { town, socialWorker } = await makeTown(db);
    const me = await as(socialWorker);
    const one = referralDraft();
    const two = referralDraft(randomUUID(), 'Synthetic second concern, about housing.');
    await me.drafts.save(one);
    await me.drafts.save(two);
    const body = await bodyOf(one.id);
    expect(body).toMatch(/^v1\./);
    expect(body).not.toContain('school');
    expect(JSON.parse(testKeyring.decrypt(body, `draft.body/${one.id}`))).toMatchObject({ concernText: CONCERN });
    expect(() => testKeyring.decrypt(body, `draft.body/${two.id}`)).toThrow();
    expect(() => testKeyring.decrypt(body, 'draft.body')).toThrow();
    // A body copied into another draft's row does not open there.
    await db.draft.update({ where: { id: two.id }, data: { body } });
    await expect(me.drafts.get({ id: two.id })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    // (Rotation would stop at that row too: it goes, so the test of rotation below finds every row sound.)
    await db.draft.delete({ where: { id: two.id } });
    const events = await db.auditEvent.findMany({ where: { municipalityId: town.id }, select: { action: true, detail: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['draft.save']));
    expect(JSON.stringify(events)).not.toContain('school');
  });

  // Last in the file: the rows of this database are under key 2 afterwards.
  it('is re-encrypted by rotate-key under the new key, still bound to its row', async () => {
    const { socialWorker } = await makeTown(db);
    const draft = referralDraft();
    await (await as(socialWorker)).drafts.save(draft);
    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    expect((await rotateAll(db, keyring)).fields['draft.body']).toBeGreaterThanOrEqual(1);
    const body = await bodyOf(draft.id);
    expect(body).toMatch(/^v2\./);
    expect(JSON.parse(keyring.decrypt(body, `draft.body/${draft.id}`))).toMatchObject({ concernText: CONCERN });
    expect(() => keyring.decrypt(body, 'draft.body')).toThrow();
  });
});
