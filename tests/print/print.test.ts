import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';

const { db } = await testDb();

/** The print events of an actor: what the audit log says was printed. */
const prints = (actorId: string) =>
  db.auditEvent.findMany({
    where: { actorId, action: { startsWith: 'print.' } },
    select: { action: true, outcome: true, entityType: true, entityId: true, detail: true },
    orderBy: { id: 'asc' },
  });

async function setting() {
  const town = await makeTown(db);
  const other = await makeTown(db);
  const shared = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, summary: 'Synthetic summary for the youth centre.' });
  const hidden = await makeCase(db, town, { keyWorkerId: town.socialWorker.id, summary: 'Synthetic summary kept from partners.' });
  await makeDisclosure(db, shared, { agencyId: town.agency.id, sections: ['summary'], createdById: town.coordinator.id });
  const meeting = await makeMeeting(db, town, { cases: [shared, hidden], agencyIds: [town.agency.id] });
  return { town, other, shared, hidden, meeting };
}

describe('printed pages', () => {
  it('print a case summary with what the reader sees on screen, recorded with the sections printed', async () => {
    const { town, shared } = await setting();
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    const full = await coordinator.print.caseSummary({ id: shared.id });
    expect(full.summary?.text).toBe('Synthetic summary for the youth centre.');
    expect(full.plan).toEqual([]);
    const { caller: partner } = await callerFor(db, town.practitioner);
    const part = await partner.print.caseSummary({ id: shared.id });
    expect(part.summary?.text).toBe('Synthetic summary for the youth centre.');
    expect(part.plan).toBeNull();
    expect(await prints(town.practitioner.id)).toEqual([
      expect.objectContaining({
        action: 'print.case',
        outcome: 'allowed',
        entityType: 'Case',
        entityId: shared.id,
        detail: expect.objectContaining({ printed: 'case_summary', sections: ['summary'] }),
      }),
    ]);
  });

  it('refuse a case summary to other roles, other municipalities and crafted ids, each refusal audited', async () => {
    const { town, other, hidden } = await setting();
    const { caller: auditor } = await callerFor(db, town.auditor);
    expect((await failure(auditor.print.caseSummary({ id: hidden.id }))).code).toBe('FORBIDDEN');
    const { caller: partner } = await callerFor(db, town.practitioner);
    expect((await failure(partner.print.caseSummary({ id: hidden.id }))).code).toBe('NOT_FOUND');
    const { caller: stranger } = await callerFor(db, other.coordinator);
    expect((await failure(stranger.print.caseSummary({ id: hidden.id }))).code).toBe('NOT_FOUND');
    const crafted = randomUUID();
    expect((await failure(stranger.print.caseSummary({ id: crafted }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.print.caseSummary({ id: 'not-a-uuid' }))).code).toBe('BAD_INPUT');
    expect(await prints(other.coordinator.id)).toEqual([
      expect.objectContaining({ action: 'print.case', outcome: 'denied', entityId: hidden.id }),
      expect.objectContaining({ action: 'print.case', outcome: 'denied', entityId: crafted }),
    ]);
    expect(await prints(town.auditor.id)).toEqual([expect.objectContaining({ outcome: 'denied', entityId: hidden.id })]);
  });

  it('print an invitee’s pack with only the items they see on the meeting page, and the minutes by kind', async () => {
    const { town, shared, hidden, meeting } = await setting();
    await makeMinute(db, meeting, town.coordinator, {
      agendaItemId: meeting.itemFor(hidden),
      body: 'Synthetic minute about the hidden case.',
    });
    const { caller: partner } = await callerFor(db, town.practitioner);
    const pack = await partner.print.meeting({ id: meeting.id, kind: 'pack' });
    const screen = await partner.meetings.get({ id: meeting.id });
    expect(pack.agenda).toEqual(screen.agenda);
    expect(pack.agenda.map((i) => i.case.id)).toEqual([shared.id]);
    expect(JSON.stringify(pack)).not.toContain('hidden case');
    expect(JSON.stringify(pack)).not.toContain(hidden.reference);
    const { caller: coordinator } = await callerFor(db, town.coordinator);
    const minutes = await coordinator.print.meeting({ id: meeting.id, kind: 'minutes' });
    expect(minutes.minutes.map((m) => m.body)).toContain('Synthetic minute about the hidden case.');
    expect(minutes).not.toHaveProperty('choices');
    const [event] = await prints(town.practitioner.id);
    expect(event).toMatchObject({
      action: 'print.meeting',
      entityType: 'PanelMeeting',
      entityId: meeting.id,
      detail: { printed: 'meeting_pack', agendaItemIds: [meeting.itemFor(shared)] },
    });
    expect((await prints(town.coordinator.id))[0]!.detail).toMatchObject({ printed: 'minutes' });
  });

  it('refuse a meeting print to the uninvited, other roles and other municipalities, audited', async () => {
    const { town, other, meeting } = await setting();
    const { caller: auditor } = await callerFor(db, town.auditor);
    expect((await failure(auditor.print.meeting({ id: meeting.id, kind: 'pack' }))).code).toBe('FORBIDDEN');
    const { caller: stranger } = await callerFor(db, other.practitioner);
    expect((await failure(stranger.print.meeting({ id: meeting.id, kind: 'pack' }))).code).toBe('NOT_FOUND');
    const { caller: otherCoordinator } = await callerFor(db, other.coordinator);
    expect((await failure(otherCoordinator.print.meeting({ id: meeting.id, kind: 'minutes' }))).code).toBe('NOT_FOUND');
    expect((await failure(otherCoordinator.print.meeting({ id: meeting.id, kind: 'agenda' as 'pack' }))).code).toBe('BAD_INPUT');
    expect(await prints(other.practitioner.id)).toEqual([expect.objectContaining({ outcome: 'denied', entityId: meeting.id })]);
  });

  it('give the referrer an acknowledgement with their own words and nothing the screening added', async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const referral = await makeReferral(db, testKeyring, { town, referrer: town.practitioner, status: 'closed' });
    await db.referral.update({ where: { id: referral.id }, data: { decisionReason: 'Synthetic screening reason only for coordinators.' } });
    const { caller } = await callerFor(db, town.practitioner);
    const ack = await caller.print.referral({ id: referral.id });
    expect(ack).toMatchObject({ reference: referral.id.slice(0, 8).toUpperCase(), status: 'closed' });
    expect(ack.concernText).toContain('Synthetic concern');
    expect(JSON.stringify(ack)).not.toContain('screening reason');
    expect(Object.keys(ack)).not.toContain('consent');
    expect(await prints(town.practitioner.id)).toEqual([
      expect.objectContaining({ action: 'print.referral', outcome: 'allowed', entityType: 'Referral', entityId: referral.id }),
    ]);

    const { caller: colleague } = await callerFor(db, town.socialWorker);
    expect((await failure(colleague.print.referral({ id: referral.id }))).code).toBe('NOT_FOUND');
    const { caller: stranger } = await callerFor(db, other.coordinator);
    expect((await failure(stranger.print.referral({ id: referral.id }))).code).toBe('NOT_FOUND');
    const { caller: admin } = await callerFor(db, town.admin);
    expect((await failure(admin.print.referral({ id: referral.id }))).code).toBe('FORBIDDEN');
    expect(await prints(town.socialWorker.id)).toEqual([expect.objectContaining({ outcome: 'denied', entityId: referral.id })]);
  });
});
