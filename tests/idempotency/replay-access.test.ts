import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { keyedCaller } from '../helpers/keyed.js';
import { callerFor } from '../helpers/callers.js';
import { proposeWithConsent, samePersonIn, transferScene } from '../transfers/helpers.js';

const { db } = await testDb();

const TITLE = 'Synthetic plan title: weekly mentoring at the youth club';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err as { code: string; message: string },
  );

/** The events of `actorId` for `action`, oldest first: outcome, record and what the replay cited. */
const eventsOf = (actorId: string, action: string) =>
  db.auditEvent.findMany({ where: { actorId, action }, orderBy: { seq: 'asc' }, select: { outcome: true, entityId: true, detail: true } });

describe('a retry under an old key, after the user lost the record', () => {
  it('the key worker taken off the case: the plan entry is not handed back (NOT_FOUND, audited as denied)', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    const as = await keyedCaller(db, town.socialWorker);
    const key = randomUUID();
    const input = { caseId: c.id, type: 'mentoring' as const, title: TITLE, agencyId: town.agency.id };
    const first = await as(key).cases.addIntervention(input);
    // While the case is theirs, the retry is answered as the first call was.
    expect(await as(key).cases.addIntervention(input)).toEqual(first);

    const { caller: coordinator } = await callerFor(db, town.coordinator);
    await coordinator.cases.assign({ id: c.id, keyWorkerId: town.coordinator.id });
    const refused = await failure(as(key).cases.addIntervention(input));
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(refused)).not.toContain('Synthetic plan title');
    // A call under a new key is refused the same way: the old key is no way around the rules.
    await expect(as(randomUUID()).cases.addIntervention(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await eventsOf(town.socialWorker.id, 'case.intervention.create');
    expect(events.map((e) => e.outcome)).toEqual(['allowed', 'allowed', 'denied', 'denied']);
    expect(events[2]).toMatchObject({ entityId: c.id, detail: { code: 'NOT_FOUND' } });
  });

  it('a disclosure revoked: the practitioner’s note is not handed back', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const d = await makeDisclosure(db, c, { agencyId: town.agency.id, createdById: town.coordinator.id });
    const as = await keyedCaller(db, town.practitioner);
    const key = randomUUID();
    const note = { caseId: c.id, body: 'Synthetic note: the mentoring started well.', sensitivity: 'standard' as const };
    await as(key).cases.addNote(note);
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    await coordinator.cases.revokeDisclosure({ id: d.id, reason: 'Synthetic: support finished' });
    const refused = await failure(as(key).cases.addNote(note));
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(refused)).not.toContain('mentoring started');
    const events = await eventsOf(town.practitioner.id, 'case.note.create');
    expect(events.map((e) => e.outcome)).toEqual(['allowed', 'denied']);
  });

  it('a role changed under a live session: a call about a case is not answered again', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const as = await keyedCaller(db, town.coordinator);
    const key = randomUUID();
    const note = { caseId: c.id, body: 'Synthetic note: the family asked for a meeting.', sensitivity: 'standard' as const };
    await as(key).cases.addNote(note);
    // Changed in the database, past the app (which ends the sessions): the worst case for a session.
    await db.user.update({ where: { id: town.coordinator.id }, data: { role: 'auditor' } });
    await expect(as(key).cases.addNote(note)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a retry under an old key, with nothing lost', () => {
  it('a person created by a social worker, who may not read a person with no case yet, is answered again', async () => {
    const town = await makeTown(db);
    const as = await keyedCaller(db, town.socialWorker);
    const key = randomUUID();
    const input = { nameLatin: 'Nadia Synthetic', cohort: 'youth' as const };
    const first = await as(key).people.create(input);
    expect(await as(key).people.create(input)).toEqual(first);
    expect(await db.person.count({ where: { municipalityId: town.town.id } })).toBe(1);
    const events = await eventsOf(town.socialWorker.id, 'person.create');
    expect(events.map((e) => e.outcome)).toEqual(['allowed', 'allowed']);
  });

  it('a referral of their own, after the role changed: the call named no record, its answer is what they sent', async () => {
    const town = await makeTown(db);
    const as = await keyedCaller(db, town.coordinator);
    const key = randomUUID();
    const first = await as(key).referrals.create(referralInput());
    await db.user.update({ where: { id: town.coordinator.id }, data: { role: 'social_worker' } });
    expect(await as(key).referrals.create(referralInput())).toEqual(first);
  });

  it('a transfer accepted by the receiving city is answered again (its row belongs to the sending city)', async () => {
    const s = await transferScene(db);
    const proposed = await proposeWithConsent(s, ['summary']);
    const known = await samePersonIn(db, s.B);
    const as = await keyedCaller(db, s.B.coordinator);
    const key = randomUUID();
    const accepted = await as(key).transfers.accept({ id: proposed.id, personId: known.id });
    expect(await as(key).transfers.accept({ id: proposed.id, personId: known.id })).toEqual(accepted);
    const events = await eventsOf(s.B.coordinator.id, 'transfer.accept');
    expect(events.map((e) => e.outcome)).toEqual(['allowed', 'allowed']);
    expect(events[1]!.detail).toMatchObject({ replayOf: expect.any(String) });
  });
});
