import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();
void testKeyring;

/** A town with a case disclosed (summary and plan) to the practitioner's agency, on a meeting's agenda. */
async function world() {
  const town = await makeTown(db);
  const c = await makeCase(db, town, { summary: 'Synthetic summary.', person: { nameLatin: 'Hadia Synthetic' } });
  await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
  return { town, c, meeting, as: async (user: { id: string; municipalityId: string }) => (await callerFor(db, user)).caller };
}

describe('the access history of a case, a person, a referral', () => {
  it('holds every access, whichever procedure reached the record: a read, a list row, a meeting pack, a search', async () => {
    const { town, c, meeting, as } = await world();
    const practitioner = await as(town.practitioner);
    await practitioner.cases.get({ id: c.id });
    await practitioner.cases.list({});
    await practitioner.meetings.get({ id: meeting.id });
    const coordinator = await as(town.coordinator);
    await coordinator.people.match({ name: 'Hadia Synthetic' });
    await (await as(town.socialWorker)).referrals.get({ id: c.referralId });

    const auditor = await as(town.auditor);
    const history = await auditor.audit.caseHistory({ reference: c.reference.toLowerCase() });
    expect(history.record).toEqual({ type: 'Case', id: c.id, reference: c.reference, anonymisedAt: null });
    const actions = history.items.map((e) => `${e.action} ${e.via}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.read record',
        'case.list shown',
        'meeting.read shown',
        'person.match shown',
        'referral.read shown',
        'case.open record',
      ]),
    );
    const read = history.items.find((e) => e.action === 'case.read')!;
    expect(read).toMatchObject({
      outcome: 'allowed',
      actor: { name: expect.any(String), role: 'agency_practitioner', agency: expect.any(String) },
      sections: expect.arrayContaining(['summary', 'plan']),
      through: null,
      refusal: null,
    });
    expect(history.items.find((e) => e.action === 'meeting.read')).toMatchObject({ via: 'shown', through: 'PanelMeeting', sections: null });
    // Numbered by the municipality's chain, never by the global id; newest first.
    expect(history.items.every((e) => !('id' in e))).toBe(true);
    expect(history.items.map((e) => e.seq)).toEqual([...history.items.map((e) => e.seq)].sort((a, b) => b - a));

    // The person: the search, the case page with its summary, the list row, the pack.
    const person = await (await as(town.coordinator)).audit.personHistory({ id: c.person.id });
    expect(person.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['person.match', 'case.read', 'case.list', 'meeting.read', 'referral.read']),
    );
    const referral = await auditor.audit.referralHistory({ id: c.referralId });
    expect(referral.items.map((e) => `${e.action} ${e.via}`)).toEqual(expect.arrayContaining(['referral.read record', 'case.read shown']));
  });

  it("never holds another municipality's events, even one naming the record", async () => {
    const { town, c, as } = await world();
    const other = await makeTown(db);
    const forged = new AuditTrail(
      { municipalityId: other.town.id, actorId: other.coordinator.id, actorRole: 'coordinator', requestId: 'r', ip: null },
      manualClock(),
    );
    forged.record({ action: 'case.read', entityType: 'Case', entityId: c.id, detail: { touched: { Person: [c.person.id] } } });
    await forged.flush(db);
    const history = await (await as(town.auditor)).audit.caseHistory({ id: c.id });
    expect(history.items.map((e) => e.action)).toEqual(['case.open']);
    expect((await (await as(town.auditor)).audit.personHistory({ id: c.person.id })).items).toEqual([]);
    // And their coordinator cannot ask for it: the case does not exist for them.
    expect(await failure((await as(other.coordinator)).audit.caseHistory({ id: c.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await db.auditEvent.count({
        where: { actorId: other.coordinator.id, action: 'audit.history.case', outcome: 'denied', entityId: c.id },
      }),
    ).toBe(1);
  });

  it('is read by auditors and coordinators only; the look is audited and is in the history itself', async () => {
    const { town, c, as } = await world();
    for (const user of [town.socialWorker, town.practitioner, town.admin]) {
      const caller = await as(user);
      expect(await failure(caller.audit.caseHistory({ id: c.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(caller.audit.personHistory({ id: c.person.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await auditCount(db, user.id, 'audit.history.case', 'denied')).toBe(1);
      expect(
        await db.auditEvent.count({
          where: { actorId: user.id, action: 'audit.history.person', outcome: 'denied', entityType: 'Person', entityId: c.person.id },
        }),
      ).toBe(1);
    }
    const coordinator = await as(town.coordinator);
    await coordinator.audit.caseHistory({ id: c.id });
    const again = await (await as(town.auditor)).audit.caseHistory({ id: c.id });
    expect(again.items[0]).toMatchObject({
      action: 'audit.history.case',
      via: 'record',
      outcome: 'allowed',
      actor: { role: 'coordinator' },
    });
    // The refused attempts are in it too, with why they were refused.
    expect(again.items.filter((e) => e.outcome === 'denied').map((e) => [e.actor?.role, e.refusal])).toEqual([
      ['admin', 'FORBIDDEN'],
      ['agency_practitioner', 'FORBIDDEN'],
      ['social_worker', 'FORBIDDEN'],
    ]);
    expect(
      await db.auditEvent.findFirst({
        where: { actorId: town.auditor.id, action: 'audit.history.case' },
        select: { entityType: true, entityId: true, detail: true },
      }),
    ).toEqual({
      entityType: 'Case',
      entityId: c.id,
      detail: { count: 5, page: 'first' },
    });
  });

  it('refuses crafted ids and references with BAD_INPUT, and an unknown one with NOT_FOUND', async () => {
    const { town, c, as } = await world();
    const auditor = await as(town.auditor);
    for (const input of [
      { id: 'not-a-uuid' },
      { reference: "x'; DROP TABLE case_record; --" },
      { reference: '%-2026-%' },
      {},
      { id: c.id, reference: c.reference },
      { id: c.id, cursor: '0' },
    ]) {
      expect(await failure(auditor.audit.caseHistory(input as never), input)).toMatchObject({ code: 'BAD_INPUT' });
    }
    expect(await failure(auditor.audit.personHistory({ id: '../../etc' } as never))).toMatchObject({ code: 'BAD_INPUT' });
    expect(await failure(auditor.audit.caseHistory({ reference: 'ZZZ-2026-9999' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(auditor.audit.referralHistory({ id: c.person.id }))).toMatchObject({ code: 'NOT_FOUND' });
    // A seq that is not of this chain was not handed out.
    expect(await failure(auditor.audit.caseHistory({ id: c.id, cursor: '999999' }))).toMatchObject({ code: 'BAD_INPUT' });
  });

  it('pages newest first by seq', async () => {
    const { town, c, as } = await world();
    const coordinator = await as(town.coordinator);
    for (let i = 0; i < 3; i++) await coordinator.cases.get({ id: c.id });
    const first = await coordinator.audit.caseHistory({ id: c.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await coordinator.audit.caseHistory({ id: c.id, limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.action)).toEqual(['case.read', 'case.open']);
    expect(second.items[0]!.seq).toBeLessThan(first.items[1]!.seq);
    expect(second.nextCursor).toBeNull();
  });

  it('filters the log and its CSV export to the events that touched the record', async () => {
    const { town, c, as } = await world();
    const other = await makeCase(db, town);
    const coordinator = await as(town.coordinator);
    await coordinator.cases.get({ id: c.id });
    await coordinator.cases.get({ id: other.id });
    await coordinator.cases.list({});
    const auditor = await as(town.auditor);
    const record = { type: 'Case' as const, id: c.id };
    const listed = await auditor.audit.list({ record });
    expect(listed.items.map((e) => e.action).sort()).toEqual(['case.list', 'case.open', 'case.read']);
    const csv = await auditor.audit.export({ record });
    expect(csv.rows).toBe(3);
    expect(csv.csv).toContain(c.id);
    expect(csv.csv.split('\r\n').filter((l) => l.includes('case.read'))).toHaveLength(1);
    expect(
      await db.auditEvent.findFirst({ where: { actorId: town.auditor.id, action: 'audit.export' }, select: { detail: true } }),
    ).toMatchObject({ detail: { filters: ['record'], rows: 3 } });
    expect(await failure(auditor.audit.export({ record: { type: 'Meeting', id: c.id } as never }))).toMatchObject({ code: 'BAD_INPUT' });
  });
});
