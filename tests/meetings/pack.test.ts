import { describe, expect, it } from 'vitest';
import { manualClock } from '../../src/lib/clock.js';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { OPENED_AT, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { MEETING_AT, makeMeeting, makeMinute } from '../helpers/meeting-factories.js';

const { db } = await testDb();

const day = 86_400_000;

describe("an invitee's need-to-know pack", () => {
  it('shows a practitioner at a meeting only the agenda items disclosed (live) to their agency, nothing of the others', async () => {
    const town = await makeTown(db);
    const by = town.coordinator.id;
    const otherAgency = await makeAgency(db, town.town.id);
    const live = await makeCase(db, town, { summary: 'Synthetic summary the school may read.' });
    const expired = await makeCase(db, town, { summary: 'Synthetic summary no longer shared.' });
    const revoked = await makeCase(db, town, { summary: 'Synthetic summary withdrawn.' });
    const others = await makeCase(db, town, { summary: 'Synthetic summary of another agency.' });
    const undisclosed = await makeCase(db, town, { summary: 'Synthetic summary shared with nobody.' });
    await makeDisclosure(db, live, { agencyId: town.agency.id, sections: ['summary'], createdById: by });
    await makeDisclosure(db, expired, {
      agencyId: town.agency.id,
      sections: ['summary', 'plan'],
      createdById: by,
      expiresAt: new Date(OPENED_AT.getTime() - day),
    });
    await makeDisclosure(db, revoked, { agencyId: town.agency.id, sections: ['summary'], createdById: by, revokedAt: OPENED_AT });
    await makeDisclosure(db, others, { agencyId: otherAgency.id, sections: ['summary'], createdById: by });
    const meeting = await makeMeeting(db, town, {
      cases: [undisclosed, others, revoked, live, expired],
      agencyIds: [town.agency.id, otherAgency.id],
    });
    await makeMinute(db, meeting, town.coordinator, { body: 'General minutes: all partners present.' });
    await makeMinute(db, meeting, town.coordinator, {
      body: 'About the disclosed case.',
      agendaItemId: meeting.itemFor(live),
      at: new Date(MEETING_AT.getTime() + 60_000),
    });
    await makeMinute(db, meeting, town.coordinator, {
      body: 'About a case they may not see.',
      agendaItemId: meeting.itemFor(others),
      at: new Date(MEETING_AT.getTime() + 120_000),
    });

    const { caller } = await callerFor(db, town.practitioner);
    const got = await caller.meetings.get({ id: meeting.id });
    expect(got.agenda).toHaveLength(1);
    expect(got.agenda[0]).toMatchObject({
      id: meeting.itemFor(live),
      case: { id: live.id, reference: live.reference, stage: 'intake' },
      sections: ['summary'],
      summary: { text: 'Synthetic summary the school may read.' },
      plan: null,
    });
    expect(got.minutes.map((m) => m.body)).toEqual(['General minutes: all partners present.', 'About the disclosed case.']);
    expect(got.may).toEqual({ update: false, decide: false });
    expect(got.choices).toBeNull();
    // Nothing in the answer names or counts the hidden items.
    const text = JSON.stringify(got);
    for (const c of [expired, revoked, others, undisclosed]) {
      expect(text).not.toContain(c.id);
      expect(text).not.toContain(c.reference);
      expect(text).not.toContain(meeting.itemFor(c));
    }
    expect((await caller.meetings.list({ when: 'upcoming' })).find((m) => m.id === meeting.id)?.agendaCount).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.practitioner.id, action: 'meeting.read' },
      select: { outcome: true, entityId: true, detail: true },
    });
    expect(event).toMatchObject({
      outcome: 'allowed',
      entityId: meeting.id,
      detail: { agendaItemIds: [meeting.itemFor(live)], touched: { Case: [live.id] } },
    });

    // The coordinator sees the whole agenda, in order, with every section.
    const { caller: coord } = await callerFor(db, town.coordinator);
    const full = await coord.meetings.get({ id: meeting.id });
    expect(full.agenda.map((i) => i.case.id)).toEqual([undisclosed, others, revoked, live, expired].map((c) => c.id));
    expect(full.agenda[0]!.sections).toEqual(['summary', 'notes', 'plan', 'assessments']);
    expect(full.minutes).toHaveLength(3);
  });

  it('loses an item the moment its disclosure expires or is revoked', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const d = await makeDisclosure(db, c, {
      agencyId: town.agency.id,
      sections: ['summary', 'plan'],
      createdById: town.coordinator.id,
      expiresAt: new Date(OPENED_AT.getTime() + 2 * day),
    });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
    const { caller } = await callerFor(db, town.practitioner);
    const first = await caller.meetings.get({ id: meeting.id });
    expect(first.agenda.map((i) => [i.case.id, i.sections])).toEqual([[c.id, ['summary', 'plan']]]);
    expect(first.agenda[0]!.plan).toEqual([]);
    // Three days on (a new session: the first one would have expired).
    const { caller: later } = await callerFor(db, town.practitioner, { clock: manualClock(new Date(OPENED_AT.getTime() + 3 * day)) });
    expect((await later.meetings.get({ id: meeting.id })).agenda).toEqual([]);

    await db.disclosure.update({ where: { id: d.id }, data: { revokedAt: OPENED_AT, revokeReason: 'Synthetic revocation' } });
    expect((await caller.meetings.get({ id: meeting.id })).agenda).toEqual([]);
  });

  it('reaches a practitioner invited by name through a disclosure to them by name, not one to another person', async () => {
    const town = await makeTown(db);
    const agency = await makeAgency(db, town.town.id);
    const named = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: agency.id });
    const colleague = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: agency.id });
    const [toThem, toColleague] = [await makeCase(db, town), await makeCase(db, town)];
    await makeDisclosure(db, toThem, { userId: named.id, sections: ['summary'], createdById: town.coordinator.id });
    await makeDisclosure(db, toColleague, { userId: colleague.id, sections: ['summary'], createdById: town.coordinator.id });
    const meeting = await makeMeeting(db, town, { cases: [toThem, toColleague], userIds: [named.id] });
    const { caller } = await callerFor(db, named);
    expect((await caller.meetings.get({ id: meeting.id })).agenda.map((i) => i.case.id)).toEqual([toThem.id]);
    // The colleague has a disclosure but no invitation: the meeting does not exist for them.
    const { caller: notInvited } = await callerFor(db, colleague);
    await expect(notInvited.meetings.get({ id: meeting.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows an invited social worker the cases they key-work or that are disclosed to them, with those sections', async () => {
    const town = await makeTown(db);
    const sw = town.socialWorker;
    const keyWorked = await makeCase(db, town, { summary: 'Synthetic summary, key worker.' });
    const shared = await makeCase(db, town, { keyWorkerId: null });
    const elsewhere = await makeCase(db, town, { keyWorkerId: null });
    await makeDisclosure(db, shared, { userId: sw.id, sections: ['notes'], createdById: town.coordinator.id });
    const meeting = await makeMeeting(db, town, { cases: [keyWorked, shared, elsewhere], userIds: [sw.id] });
    const { caller } = await callerFor(db, sw);
    const got = await caller.meetings.get({ id: meeting.id });
    expect(got.agenda.map((i) => [i.case.id, i.sections])).toEqual([
      [keyWorked.id, ['summary', 'notes', 'plan', 'assessments']],
      [shared.id, ['notes']],
    ]);
    expect(got.agenda[0]!.summary?.text).toBe('Synthetic summary, key worker.');
    expect(got.agenda[1]!.summary).toBeNull();
  });
});
