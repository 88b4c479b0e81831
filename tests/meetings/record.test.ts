import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { MEETING_AT, makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import type { CaseSection } from '../../src/generated/prisma/enums.js';

const { db } = await testDb();

const DISSENT = 'Synthetic dissent: the school wanted to wait for the exams.';
const ABOUT_CASE = 'Synthetic minutes about the case: the family moved last month.';
const GENERAL = 'Synthetic general minutes: all partners present.';

/**
 * One case on a decided meeting (no consensus, a dissent) with minutes about it and about the
 * meeting, and one invited practitioner per set of sections disclosed to them by name.
 */
async function decidedMeeting(disclosed: CaseSection[][]) {
  const town = await makeTown(db);
  const agency = await makeAgency(db, town.town.id);
  const c = await makeCase(db, town, { summary: 'Synthetic summary.' });
  const readers: { id: string; municipalityId: string }[] = [];
  for (const sections of disclosed) {
    const user = await makeUser(db, { municipalityId: town.town.id, role: 'agency_practitioner', agencyId: agency.id });
    await makeDisclosure(db, c, { userId: user.id, sections, createdById: town.coordinator.id });
    readers.push(user);
  }
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [agency.id] });
  const { caller: coord } = await callerFor(db, town.coordinator);
  await coord.meetings.decide({ agendaItemId: meeting.itemFor(c), decision: 'escalate', consensus: false, dissent: DISSENT });
  await makeMinute(db, meeting, town.coordinator, { body: GENERAL });
  await makeMinute(db, meeting, town.coordinator, {
    body: ABOUT_CASE,
    agendaItemId: meeting.itemFor(c),
    at: new Date(MEETING_AT.getTime() + 60_000),
  });
  const read = async (i: number) => (await callerFor(db, readers[i]!)).caller.meetings.get({ id: meeting.id });
  return { meeting, read, coord };
}

describe("the panel's record about a case", () => {
  it('follows the sections disclosed: decision with the plan, dissent with plan and summary, minutes about the case with the summary', async () => {
    const { read, coord, meeting } = await decidedMeeting([['plan'], ['summary'], ['plan', 'summary'], ['notes', 'assessments']]);
    const [planOnly, summaryOnly, both, neither] = [await read(0), await read(1), await read(2), await read(3)];

    // Plan only: the decision, not the dissent's words nor the minutes about the case.
    expect(planOnly.agenda[0]).toMatchObject({
      decision: 'escalate',
      consensus: false,
      dissent: null,
      withheld: { decision: false, dissent: true },
    });
    expect(planOnly.minutes.map((m) => m.body)).toEqual([GENERAL]);
    expect(JSON.stringify(planOnly)).not.toContain('the school wanted');
    expect(JSON.stringify(planOnly)).not.toContain('the family moved');

    // Summary only: the minutes about the case, but no decision (said to be withheld, not missing) and no dissent.
    expect(summaryOnly.agenda[0]).toMatchObject({
      decision: null,
      consensus: null,
      dissent: null,
      decidedAt: null,
      withheld: { decision: true, dissent: false },
    });
    expect(summaryOnly.minutes.map((m) => m.body)).toEqual([GENERAL, ABOUT_CASE]);
    expect(JSON.stringify(summaryOnly)).not.toContain('the school wanted');

    // Plan and summary: all of it.
    expect(both.agenda[0]).toMatchObject({
      decision: 'escalate',
      consensus: false,
      dissent: DISSENT,
      withheld: { decision: false, dissent: false },
    });
    expect(both.minutes.map((m) => m.body)).toEqual([GENERAL, ABOUT_CASE]);

    // Neither section: the item and the general minutes only.
    expect(neither.agenda[0]).toMatchObject({ decision: null, dissent: null, withheld: { decision: true, dissent: false } });
    expect(neither.minutes.map((m) => m.body)).toEqual([GENERAL]);

    // The coordinator reads everything; what each reader was shown is what their audit event names.
    const full = await coord.meetings.get({ id: meeting.id });
    expect(full.agenda[0]).toMatchObject({ decision: 'escalate', dissent: DISSENT, withheld: { decision: false, dissent: false } });
    expect(full.minutes).toHaveLength(2);
    const events = await db.auditEvent.findMany({
      where: { action: 'meeting.read', entityId: meeting.id },
      select: { detail: true },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => (e.detail as { minuteIds: string[] }).minuteIds.length)).toEqual([1, 2, 2, 1, 2]);
  });
});
