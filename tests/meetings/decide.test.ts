import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeInterventionType as ownType } from '../helpers/list-factories.js';

const { db } = await testDb();

async function setting() {
  const town = await makeTown(db);
  const c = await makeCase(db, town);
  await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary', 'plan'], createdById: town.coordinator.id });
  const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
  const { caller } = await callerFor(db, town.coordinator);
  return { town, c, meeting, item: meeting.itemFor(c), caller };
}

describe('meetings.decide', () => {
  it('requires the dissent when there is no consensus, and stores it encrypted', async () => {
    const { town, c, meeting, item, caller } = await setting();
    const noDissent = { agendaItemId: item, decision: 'escalate' as const, consensus: false };
    expect(await failure(caller.meetings.decide(noDissent), noDissent)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { dissent: 'required' },
    });
    expect(await failure(caller.meetings.decide({ ...noDissent, dissent: '   ' }), noDissent)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { dissent: 'required' },
    });

    const dissent = 'Synthetic dissent: the school asked to wait for the next term.';
    await caller.meetings.decide({ ...noDissent, dissent });
    const raw = await db.meetingAgendaItem.findUniqueOrThrow({
      where: { id: item },
      select: { dissent: true, decision: true, consensus: true },
    });
    expect(raw).toMatchObject({ decision: 'escalate', consensus: false });
    expect(raw.dissent).toMatch(/^k1\./);
    expect(raw.dissent).not.toContain('school');
    const [row] = await db.$queryRaw<{ dissent: string }[]>`SELECT dissent FROM meeting_agenda_item WHERE id = ${item}::uuid`;
    expect(row!.dissent).not.toContain('Synthetic');

    // Read back by whoever sees the item; never in the audit log or on the case's timeline.
    const { caller: practitioner } = await callerFor(db, town.practitioner);
    expect((await practitioner.meetings.get({ id: meeting.id })).agenda[0]).toMatchObject({
      decision: 'escalate',
      consensus: false,
      dissent,
    });
    const events = await db.auditEvent.findMany({ where: { municipalityId: town.town.id }, select: { detail: true } });
    expect(JSON.stringify(events)).not.toContain('school');
    const timeline = await db.caseEvent.findMany({ where: { caseId: c.id, kind: 'panel_decision' }, select: { data: true } });
    expect(timeline).toEqual([
      { data: { meetingId: meeting.id, agendaItemId: item, decision: 'escalate', consensus: false, interventionIds: [], taskIds: [] } },
    ]);
    expect(await db.panelMeeting.findUniqueOrThrow({ where: { id: meeting.id }, select: { status: true } })).toEqual({ status: 'held' });

    // A later consensus clears the dissent.
    await caller.meetings.decide({ agendaItemId: item, decision: 'continue', consensus: true, dissent: 'ignored' });
    expect(await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item }, select: { dissent: true } })).toEqual({ dissent: null });
  });

  it('turns actions into interventions and tasks on the case, with the timeline and the audit log', async () => {
    const { town, c, item, caller } = await setting();
    const result = await caller.meetings.decide({
      agendaItemId: item,
      decision: 'adjust_plan',
      consensus: true,
      interventions: [
        {
          type: 'mentoring',
          title: 'Mentoring at the youth centre',
          agencyId: town.agency.id,
          assigneeId: town.practitioner.id,
          dueDate: '2026-04-01',
        },
        { type: 'education', title: 'School re-enrolment', agencyId: town.agency.id },
      ],
      tasks: [{ title: 'Call the family before the next panel', assigneeId: town.socialWorker.id, dueDate: '2026-02-10' }],
    });
    expect(result.interventionIds).toHaveLength(2);
    expect(result.taskIds).toHaveLength(1);
    const plan = await db.intervention.findMany({
      where: { caseId: c.id },
      select: { id: true, type: true, agencyId: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(plan.map((i) => i.type).sort()).toEqual(['education', 'mentoring']);
    const task = await db.caseTask.findUniqueOrThrow({
      where: { id: result.taskIds[0]! },
      select: { caseId: true, title: true, assigneeId: true, dueDate: true, agendaItemId: true, createdById: true },
    });
    // The title under the case's key, bound to the task's row.
    expect(task.title).toMatch(/^k1\./);
    expect(await openStored(db, `case_task.title/${result.taskIds[0]}`, task.title)).toBe('Call the family before the next panel');
    expect({ ...task, title: 'opened' }).toEqual({
      caseId: c.id,
      title: 'opened',
      assigneeId: town.socialWorker.id,
      dueDate: new Date('2026-02-10T00:00:00Z'),
      agendaItemId: item,
      createdById: town.coordinator.id,
    });
    const kinds = (await db.caseEvent.findMany({ where: { caseId: c.id }, select: { kind: true } })).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'intervention')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'panel_decision')).toHaveLength(1);
    expect(await auditCount(db, town.coordinator.id, 'case.intervention.create')).toBe(2);
    const decided = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.coordinator.id, action: 'meeting.decide' },
      select: { entityId: true, detail: true },
    });
    expect(decided).toMatchObject({
      entityId: item,
      detail: { caseId: c.id, decision: 'adjust_plan', interventionIds: result.interventionIds, taskIds: result.taskIds },
    });
    // The practitioner with the plan disclosed sees the new interventions of their agency in the pack.
    const { caller: practitioner } = await callerFor(db, town.practitioner);
    const pack = (
      await practitioner.meetings.get({ id: (await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item } })).meetingId })
    ).agenda[0]!;
    expect(pack.plan!.map((i) => i.id).sort()).toEqual([...result.interventionIds].sort());
  });

  it('rolls the whole decision back when one action is refused', async () => {
    const { town, c, item, caller } = await setting();
    const elsewhere = await makeTown(db);
    const base = { agendaItemId: item, decision: 'adjust_plan' as const, consensus: true };
    const badAgency = {
      ...base,
      interventions: [
        { type: 'mentoring' as const, title: 'Fine', agencyId: town.agency.id },
        { type: 'health' as const, title: 'Wrong town', agencyId: elsewhere.agency.id },
      ],
      tasks: [{ title: 'Would be created first' }],
    };
    expect(await failure(caller.meetings.decide(badAgency), badAgency)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { 'interventions.1.agencyId': 'NOT_FOUND' },
    });
    const badAssignee = {
      ...base,
      interventions: [{ type: 'mentoring' as const, title: 'Fine', agencyId: town.agency.id }],
      tasks: [{ title: 'Task', assigneeId: elsewhere.socialWorker.id }],
    };
    expect(await failure(caller.meetings.decide(badAssignee), badAssignee)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { 'tasks.0.assigneeId': 'NOT_FOUND' },
    });

    expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.caseTask.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { caseId: c.id, kind: { in: ['intervention', 'panel_decision'] } } })).toBe(0);
    expect(await db.meetingAgendaItem.findUniqueOrThrow({ where: { id: item }, select: { decision: true } })).toEqual({ decision: null });
    expect(await auditCount(db, town.coordinator.id, 'case.intervention.create')).toBe(0);
    expect(await auditCount(db, town.coordinator.id, 'meeting.decide', 'denied')).toBe(2);
    expect(await auditCount(db, town.coordinator.id, 'meeting.decide')).toBe(0);
  });

  it("is NOT_FOUND for another municipality's agenda item even to a coordinator", async () => {
    const { item } = await setting();
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, elsewhere.coordinator);
    await expect(caller.meetings.decide({ agendaItemId: item, decision: 'close', consensus: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditCount(db, elsewhere.coordinator.id, 'meeting.decide', 'denied')).toBe(1);
  });
});

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
