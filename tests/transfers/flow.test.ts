import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { failure } from '../helpers/case-factories.js';
import { caseEventsOf, dataKeysOf, openStored } from '../helpers/crypto.js';
import { verifyChain } from '../../src/audit/verify.js';
import { alertPath } from '../../src/modules/alerts/texts.js';
import { proposeWithConsent, samePersonIn, transferScene, WORDS } from './helpers.js';
import { testKeyring } from '../helpers/callers.js';
import { transfersOf } from '../../src/modules/subject-access/assemble-transfers.js';

const { db } = await testDb();

/** The key id a sealed value names (k1.<key id>.…), as the data_key row's id. */
const keyIdOf = (stored: string) =>
  Buffer.from(stored.split('.')[1]!, 'base64url')
    .toString('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

describe('a family that moves city: a transfer proposed by A and accepted by B', () => {
  it('opens a case in B with copies of the sections sent only, re-sealed under its own key, and closes A’s as transferred', async () => {
    const s = await transferScene(db);
    const known = await samePersonIn(db, s.B);
    expect((await s.a.transfers.destinations()).map((d) => d.id)).toEqual([s.B.town.id]);
    const proposed = await proposeWithConsent(s, ['summary', 'plan', 'notes']);
    expect(proposed.status).toBe('proposed');
    // B's coordinators are alerted, with the proposal's short reference and a link to it: no name, no case reference.
    const alerts = await db.alertOutbox.findMany({ where: { entityId: proposed.id } });
    expect(alerts.map((a) => [a.userId, a.municipalityId, a.kind, a.entityType])).toEqual([
      [s.B.coordinator.id, s.B.town.id, 'transfer_to_decide', 'CaseTransfer'],
    ]);
    expect(alerts[0]!.reference).not.toMatch(/-\d{4}-\d{4}$/);
    expect(alertPath('transfer_to_decide', 'CaseTransfer', proposed.id)).toBe(`/transfers/${proposed.id}`);

    // B decides on what it needs only: no name, no summary, no note before acceptance.
    const [item] = await s.b.transfers.inbox();
    expect(item).toMatchObject({ id: proposed.id, city: expect.any(String), cohort: 'youth', sections: ['summary', 'plan', 'notes'] });
    expect(item!.sendingReference).toMatch(/-\d{4}-\d{4}$/);
    const shown = JSON.stringify(await s.b.transfers.get({ id: proposed.id }));
    for (const secret of ['Karim', WORDS.summary, WORDS.standardNote, WORDS.intervention]) expect(shown).not.toContain(secret);
    // The match offers B's own people only.
    const matches = await s.b.transfers.matches({ id: proposed.id });
    expect(matches.map((m) => m.person.id)).toEqual([known.id]);

    const accepted = await s.b.transfers.accept({ id: proposed.id, personId: known.id });
    const opened = await db.case.findUniqueOrThrow({ where: { id: accepted.caseId } });
    expect(opened).toMatchObject({ municipalityId: s.B.town.id, personId: known.id, stage: 'intake', reference: accepted.reference });
    // Its cohort is the receiving city's own list item of the same core code.
    expect(await db.listItem.findUniqueOrThrow({ where: { id: opened.cohortItemId! } })).toMatchObject({
      municipalityId: s.B.town.id,
      list: 'cohort',
      code: 'youth',
    });
    // A's case is closed as transferred.
    expect(await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).toMatchObject({ stage: 'closed', closureReason: 'transferred' });

    // The copies: the summary, the plan, the standard note; never the restricted note; each under B's case key.
    const [bKey] = await dataKeysOf(db, [opened.id]);
    const [aKey] = await dataKeysOf(db, [s.c.id]);
    expect(keyIdOf(opened.summary!)).toBe(bKey!.id);
    expect(await openStored(db, `case.summary/${opened.id}`, opened.summary!)).toBe(WORDS.summary);
    const copies = await db.caseTransferCopy.findMany({ where: { caseId: opened.id }, orderBy: { section: 'asc' } });
    expect(copies.map((c) => c.section).sort()).toEqual(['notes', 'plan', 'summary']);
    for (const copy of copies) {
      expect(keyIdOf(copy.content)).toBe(bKey!.id);
      expect(keyIdOf(copy.content)).not.toBe(aKey!.id);
    }
    const received = await s.b.transfers.received({ caseId: opened.id });
    const text = JSON.stringify(received);
    expect(text).toContain(WORDS.standardNote);
    expect(text).toContain(WORDS.intervention);
    expect(text).not.toContain(WORDS.restrictedNote);
    expect(received.map((r) => r.section).sort()).toEqual(['notes', 'plan', 'summary']);

    // Both timelines show the step and name the other case by its reference only.
    const [inB] = await caseEventsOf(db, opened.id, 'city_transfer');
    const inA = await caseEventsOf(db, s.c.id, 'city_transfer');
    const sending = await db.case.findUniqueOrThrow({ where: { id: s.c.id }, select: { reference: true } });
    expect(inB!.data).toMatchObject({ step: 'received', transferId: proposed.id, reference: sending.reference });
    expect(inA.map((e) => (e.data as { step: string }).step)).toEqual(['proposed', 'accepted']);
    expect(inA[1]!.data).toMatchObject({ reference: accepted.reference });
    expect((await s.b.cases.get({ id: opened.id })).timeline.some((e) => e.kind === 'city_transfer')).toBe(true);

    // Every step on both chains, and both chains verify.
    const events = await db.auditEvent.findMany({
      where: { entityId: proposed.id, outcome: 'allowed', action: { startsWith: 'transfer.' } },
      select: { action: true, chain: true, actorId: true, detail: true },
      orderBy: { id: 'asc' },
    });
    const on = (chain: string) => events.filter((e) => e.chain === chain).map((e) => e.action);
    expect(on(s.A.town.id)).toEqual(expect.arrayContaining(['transfer.propose', 'transfer.outgoing.accepted']));
    expect(on(s.B.town.id)).toEqual(expect.arrayContaining(['transfer.incoming.proposed', 'transfer.accept']));
    const crossing = events.find((e) => e.action === 'transfer.outgoing.accepted')!;
    expect(crossing).toMatchObject({ actorId: s.B.coordinator.id, detail: expect.objectContaining({ actingMunicipalityId: s.B.town.id }) });
    for (const town of [s.A, s.B]) expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();

    // Nothing else crosses: B reaches nothing of A's case, person, notes or consents.
    const sendingPersonId = (await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).personId;
    for (const call of [
      () => s.b.cases.get({ id: s.c.id }),
      () => s.b.cases.notes({ caseId: s.c.id }),
      () => s.b.people.get({ id: sendingPersonId }),
      () => s.b.consent.list({ caseId: s.c.id }),
      () => s.b.transfers.forCase({ caseId: s.c.id }),
      () => s.b.transfers.received({ caseId: s.c.id }),
    ])
      expect((await failure(call())).code).toBe('NOT_FOUND');
    // A's view: accepted, with B's reference only.
    const [mine] = await s.a.transfers.forCase({ caseId: s.c.id });
    expect(mine).toMatchObject({ status: 'accepted', receivingReference: accepted.reference });
    expect((await failure(s.a.cases.get({ id: opened.id }))).code).toBe('NOT_FOUND');
  });

  it('on another legal basis, with a justification sealed under the sending case’s key, makes a new person from the identity sent', async () => {
    const s = await transferScene(db, { person: { nameLatin: 'Yusuf Synthetic Mansour' } });
    const proposed = await s.a.transfers.propose({
      caseId: s.c.id,
      receivingMunicipalityId: s.B.town.id,
      sections: [],
      legalBasis: 'legal_obligation',
      justification: WORDS.justification,
    });
    const row = await db.caseTransfer.findUniqueOrThrow({ where: { id: proposed.id } });
    expect(row.justification).toMatch(/^k1\./);
    expect(await openStored(db, `case_transfer.justification/${row.id}`, row.justification!)).toBe(WORDS.justification);
    expect((await s.b.transfers.get({ id: proposed.id })).justification).toBe(WORDS.justification);
    const accepted = await s.b.transfers.accept({ id: proposed.id, personId: null });
    const opened = await db.case.findUniqueOrThrow({ where: { id: accepted.caseId }, select: { summary: true, person: true } });
    expect(opened.person).toMatchObject({ municipalityId: s.B.town.id, nameLatin: 'Yusuf Synthetic Mansour' });
    expect(opened.summary).toBeNull();
    expect(await db.caseTransferCopy.count({ where: { caseId: accepted.caseId } })).toBe(0);
  });
});

describe('a declined or withdrawn transfer', () => {
  it('declined: the reason is sealed, A reads it, A’s case stays open, and it can no longer be accepted', async () => {
    const s = await transferScene(db);
    const proposed = await proposeWithConsent(s, ['summary']);
    expect((await failure(s.b.transfers.decline({ id: proposed.id, reason: 'short' }))).code).toBe('BAD_INPUT');
    await s.b.transfers.decline({ id: proposed.id, reason: WORDS.decline });
    const row = await db.caseTransfer.findUniqueOrThrow({ where: { id: proposed.id } });
    expect(row.status).toBe('declined');
    expect(row.declineReason).toMatch(/^k1\./);
    const [mine] = await s.a.transfers.forCase({ caseId: s.c.id });
    expect(mine).toMatchObject({ status: 'declined', declineReason: WORDS.decline });
    expect((await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).stage).toBe('planning');
    const refused = await failure(s.b.transfers.accept({ id: proposed.id, personId: null }));
    expect(refused).toMatchObject({ code: 'CONFLICT', fields: { id: 'not_open' } });
    expect(await db.case.count({ where: { municipalityId: s.B.town.id } })).toBe(0);
    expect((await verifyChain(db, s.B.town.id)).firstBroken).toBeNull();
  });

  it('withdrawn: B can no longer accept or decline it; a new proposal may follow', async () => {
    const s = await transferScene(db);
    const input = {
      caseId: s.c.id,
      receivingMunicipalityId: s.B.town.id,
      sections: [],
      legalBasis: 'consent' as const,
      consentId: s.consentId,
    };
    const proposed = await s.a.transfers.propose(input);
    // One open proposal per case.
    expect(await failure(s.a.transfers.propose(input))).toMatchObject({ code: 'CONFLICT', fields: { caseId: 'transfer_open' } });
    await s.a.transfers.withdraw({ id: proposed.id });
    expect(await failure(s.b.transfers.accept({ id: proposed.id, personId: null }))).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(s.b.transfers.decline({ id: proposed.id, reason: WORDS.decline }))).toMatchObject({ code: 'CONFLICT' });
    expect(await s.b.transfers.inbox()).toEqual([]);
    expect((await db.case.findUniqueOrThrow({ where: { id: s.c.id } })).stage).toBe('planning');
    await s.a.transfers.propose(input);
  });
});

describe('subject access', () => {
  it('shows the person the transfers of their cases, on both sides, with the other file by reference only', async () => {
    const s = await transferScene(db);
    const proposed = await s.a.transfers.propose({
      caseId: s.c.id,
      receivingMunicipalityId: s.B.town.id,
      sections: ['notes'],
      legalBasis: 'public_task',
      justification: WORDS.justification,
    });
    const accepted = await s.b.transfers.accept({ id: proposed.id, personId: null });
    const reader = (town: { town: { id: string } }, user: { id: string }) =>
      ({
        db,
        keyring: testKeyring,
        clock: () => new Date('2026-01-16T09:00:00Z'),
        user: { id: user.id, municipalityId: town.town.id },
      }) as never;
    const sent = await transfersOf(reader(s.A, s.A.coordinator), s.c.id, null);
    expect(sent).toEqual([
      expect.objectContaining({
        direction: 'sent',
        status: 'accepted',
        sections: ['notes'],
        legalBasis: 'public_task',
        justification: WORDS.justification,
        otherReference: accepted.reference,
      }),
    ]);
    const received = await transfersOf(reader(s.B, s.B.coordinator), accepted.caseId, null);
    expect(received).toEqual([expect.objectContaining({ direction: 'received', status: 'accepted', sections: ['notes'] })]);
    // As of a release before the acceptance, the answer is not in the document.
    const before = await transfersOf(reader(s.A, s.A.coordinator), s.c.id, new Date(Date.now() - 60 * 60 * 1000 * 24 * 365 * 10));
    expect(before).toEqual([]);
  });
});
