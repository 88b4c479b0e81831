import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeInterventionType as ownType } from '../helpers/list-factories.js';

const { db } = await testDb();

async function setting() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
  const { caller } = await callerFor(db, town.coordinator);
  return { town, c, item: meeting.itemFor(c), caller };
}

describe('a panel decision’s interventions name the city’s own intervention types', () => {
  it('stores the item chosen and its core code (whatever code the form sent)', async () => {
    const { town, c, item, caller } = await setting();
    const football = await ownType(db, town.town.id, 'sport_youth', 'Synthetic street football');
    const made = await caller.meetings.decide({
      agendaItemId: item,
      decision: 'adjust_plan',
      consensus: true,
      interventions: [{ type: 'mentoring', typeItemId: football.id, title: 'Synthetic Saturday league', agencyId: town.agency.id }],
    });
    const stored = await db.intervention.findUniqueOrThrow({ where: { id: made.interventionIds[0]! } });
    expect(stored).toMatchObject({ caseId: c.id, type: 'sport_youth', typeItemId: football.id });
  });

  it('refuses another city’s item, a retired one, or a crafted id, on the action’s field, and decides nothing', async () => {
    const { town, c, item, caller } = await setting();
    const other = await makeTown(db);
    const theirs = await ownType(db, other.town.id, 'mentoring', 'Synthetic mentoring elsewhere');
    const retired = await ownType(db, town.town.id, 'mentoring', 'Synthetic old mentoring', new Date('2026-01-01T00:00:00Z'));
    const attempt = (typeItemId: string) =>
      caller.meetings.decide({
        agendaItemId: item,
        decision: 'adjust_plan',
        consensus: true,
        interventions: [{ type: 'mentoring', typeItemId, title: 'Synthetic title', agencyId: town.agency.id }],
      });
    for (const [id, code, key] of [
      [theirs.id, 'NOT_FOUND', 'NOT_FOUND'],
      ['00000000-0000-4000-8000-000000000000', 'NOT_FOUND', 'NOT_FOUND'],
      [retired.id, 'BAD_INPUT', 'item_retired'],
    ] as const)
      expect(await failure(attempt(id))).toMatchObject({ code, fields: { 'interventions.0.typeItemId': key } });
    // Another list's item of this city is not an intervention type either.
    const cohort = await db.listItem.findFirstOrThrow({ where: { municipalityId: town.town.id, list: 'cohort' }, select: { id: true } });
    expect(await failure(attempt(cohort.id))).toMatchObject({ code: 'NOT_FOUND', fields: { 'interventions.0.typeItemId': 'NOT_FOUND' } });
    expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item } })).toMatchObject({ decision: null });
  });
});
