import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { transferScene, WORDS, type Scene } from './helpers.js';

const { db } = await testDb();

const propose = (s: Scene, over: Record<string, unknown> = {}) =>
  s.a.transfers.propose({
    caseId: s.c.id,
    receivingMunicipalityId: s.B.town.id,
    sections: ['summary', 'notes'],
    legalBasis: 'consent',
    consentId: s.consentId,
    ...over,
  } as Parameters<Scene['a']['transfers']['propose']>[0]);

/** Nothing of a refused call was written: no proposal, no case in B, A's case still open. */
async function nothingWritten(s: Scene, proposals = 0) {
  expect(await db.caseTransfer.count({ where: { caseId: s.c.id } })).toBe(proposals);
  expect(await db.case.count({ where: { municipalityId: s.B.town.id } })).toBe(0);
  expect((await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).stage).toBe('planning');
}

describe('proposing a transfer: refusals', () => {
  it('a city outside the hub, the hub itself or an unknown id is NOT_FOUND', async () => {
    const s = await transferScene(db);
    for (const id of [s.C.town.id, s.hub.id, s.c.id]) {
      expect(await failure(propose(s, { receivingMunicipalityId: id }))).toMatchObject({
        code: 'NOT_FOUND',
        fields: { receivingMunicipalityId: 'not_in_hub' },
      });
    }
    // Its own city is not a destination either.
    expect((await failure(propose(s, { receivingMunicipalityId: s.A.town.id }))).code).toBe('NOT_FOUND');
    expect((await s.a.transfers.destinations()).map((d) => d.id)).not.toContain(s.C.town.id);
    await nothingWritten(s);
  });

  it('only a coordinator proposes: the key worker, a practitioner, an auditor, an admin are FORBIDDEN, and audited', async () => {
    const s = await transferScene(db);
    for (const user of [s.A.socialWorker, s.A.practitioner, s.A.auditor, s.A.admin]) {
      const caller = (await callerFor(db, user)).caller;
      const input = {
        caseId: s.c.id,
        receivingMunicipalityId: s.B.town.id,
        sections: [],
        legalBasis: 'consent' as const,
        consentId: s.consentId,
      };
      expect((await failure(caller.transfers.propose(input))).code).toBe('FORBIDDEN');
      expect((await failure(caller.transfers.destinations())).code).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'transfer.propose', 'denied')).toBe(1);
    }
    await nothingWritten(s);
  });

  it('a crafted case id of another city is NOT_FOUND', async () => {
    const s = await transferScene(db);
    const third = await makeCase(db, s.C, { stage: 'planning' });
    const inB = await makeCase(db, s.B, { stage: 'planning' });
    for (const caseId of [third.id, inB.id]) expect((await failure(propose(s, { caseId }))).code).toBe('NOT_FOUND');
    expect(await db.caseTransfer.count({ where: { caseId: { in: [third.id, inB.id] } } })).toBe(0);
  });

  it('a consent that does not cover the transfer, or is withdrawn, or a basis without its justification, is refused', async () => {
    const s = await transferScene(db);
    // The referral's general consent (carried over to the case) never covers a transfer.
    const general = await db.consent.findFirstOrThrow({ where: { caseId: s.c.id, referralId: { not: null } } });
    expect(general.purposes).not.toContain('transfer');
    expect(await failure(propose(s, { consentId: general.id }))).toMatchObject({
      code: 'NO_CONSENT',
      fields: { consentId: 'not_covered' },
    });
    expect((await failure(propose(s, { legalBasis: 'public_task', consentId: undefined }))).fields).toMatchObject({
      justification: 'required',
    });
    expect((await failure(propose(s, { consentId: undefined }))).fields).toMatchObject({ consentId: 'required' });
    await s.a.consent.withdraw({ caseId: s.c.id, consentId: s.consentId });
    expect(await failure(propose(s))).toMatchObject({ code: 'NO_CONSENT', fields: { consentId: 'not_live' } });
    await nothingWritten(s);
  });

  it('a closed case is not transferred', async () => {
    const s = await transferScene(db);
    await db.case.update({ where: { id: s.c.id }, data: { stage: 'closed', closedAt: new Date('2026-01-15T09:00:00Z') } });
    expect(await failure(propose(s))).toMatchObject({ code: 'INVALID_TRANSITION', fields: { caseId: 'case_closed' } });
  });
});

describe('answering a transfer: refusals', () => {
  it('only a coordinator of the receiving city reads and answers it; everyone else is refused and nothing is written', async () => {
    const s = await transferScene(db);
    const { id } = await propose(s);
    const { analyst } = await makeHub(db, [{ id: s.B.town.id }]);
    // Roles without the cell: FORBIDDEN whatever the proposal.
    for (const user of [s.B.socialWorker, s.B.practitioner, s.B.auditor, s.B.admin, analyst]) {
      const caller = (await callerFor(db, user)).caller;
      for (const call of [
        () => caller.transfers.inbox(),
        () => caller.transfers.get({ id }),
        () => caller.transfers.matches({ id }),
        () => caller.transfers.accept({ id, personId: null }),
        () => caller.transfers.decline({ id, reason: WORDS.decline }),
      ])
        expect((await failure(call())).code).toBe('FORBIDDEN');
    }
    // A coordinator of a third city (outside the hub, or a member of the same hub), or the sending city
    // itself: the proposal is not theirs to see.
    const D = await makeTown(db);
    await db.hubMember.create({ data: { hubId: s.hub.id, municipalityId: D.town.id } });
    for (const user of [s.C.coordinator, D.coordinator, s.A.coordinator]) {
      const caller = (await callerFor(db, user)).caller;
      expect(await caller.transfers.inbox()).toEqual([]);
      for (const call of [
        () => caller.transfers.get({ id }),
        () => caller.transfers.matches({ id }),
        () => caller.transfers.accept({ id, personId: null }),
        () => caller.transfers.decline({ id, reason: WORDS.decline }),
      ])
        expect((await failure(call())).code).toBe('NOT_FOUND');
    }
    expect(await auditCount(db, s.C.coordinator.id, 'transfer.accept', 'denied')).toBe(1);
    // B's coordinator cannot withdraw A's proposal.
    expect((await failure(s.b.transfers.withdraw({ id }))).code).toBe('NOT_FOUND');
    await nothingWritten(s, 1);
    expect((await db.caseTransfer.findUniqueOrThrow({ where: { id } })).status).toBe('proposed');
  });

  it('a crafted person id (the sending city’s person, or a third city’s) is NOT_FOUND and nothing opens', async () => {
    const s = await transferScene(db);
    const { id } = await propose(s);
    const third = await makeCase(db, s.C, {});
    const people = await db.case.findMany({ where: { id: { in: [s.c.id, third.id] } }, select: { personId: true } });
    expect(people).toHaveLength(2);
    for (const { personId } of people) {
      expect(await failure(s.b.transfers.accept({ id, personId }))).toMatchObject({ code: 'NOT_FOUND', fields: { personId: 'NOT_FOUND' } });
    }
    await nothingWritten(s, 1);
    expect((await db.caseTransfer.findUniqueOrThrow({ where: { id } })).status).toBe('proposed');
  });

  it('a consent withdrawn after the proposal, or a city that left the hub, stops the acceptance', async () => {
    const s = await transferScene(db);
    const { id } = await propose(s);
    await s.a.consent.withdraw({ caseId: s.c.id, consentId: s.consentId });
    expect(await failure(s.b.transfers.accept({ id, personId: null }))).toMatchObject({ code: 'NO_CONSENT' });
    await nothingWritten(s, 1);

    const t = await transferScene(db);
    const second = await propose(t);
    await db.hubMember.delete({ where: { hubId_municipalityId: { hubId: t.hub.id, municipalityId: t.A.town.id } } });
    expect((await failure(t.b.transfers.accept({ id: second.id, personId: null }))).code).toBe('FORBIDDEN');
    await nothingWritten(t, 1);
  });

  it('accepted once: a second acceptance or a decline is refused', async () => {
    const s = await transferScene(db);
    const { id } = await propose(s);
    const other = (await callerFor(db, await makeUser(db, { municipalityId: s.B.town.id, role: 'coordinator' }))).caller;
    await s.b.transfers.accept({ id, personId: null });
    expect(await failure(other.transfers.accept({ id, personId: null }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(other.transfers.decline({ id, reason: WORDS.decline }))).toMatchObject({ code: 'CONFLICT' });
    expect(await db.case.count({ where: { municipalityId: s.B.town.id } })).toBe(1);
  });
});
