import type { z } from 'zod';
import type { DecideInput } from '../modules/meetings/schema.js';
import type { DemoStory } from './demo-story.js';
import { SCHOOL, YOUTH_CENTRE } from './demo-town.js';

const TITLE = 'Monthly prevention panel';
const LOCATION = 'Town hall, meeting room 2';
/** The cases on the panel's agenda, in order ("case N" of demo-cases.ts): in planning, intervention and review. */
const AGENDA = [4, 5, 6];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The panel's word on each agenda item, and its minute; the second changes the plan, over the school's dissent. */
function decisions(story: DemoStory): (Omit<z.input<typeof DecideInput>, 'agendaItemId'> & { minute?: string })[] {
  const { ids } = story;
  return [
    { decision: 'continue', consensus: true, minute: 'Attendance at the youth centre is regular; the plan continues unchanged.' },
    {
      decision: 'adjust_plan',
      consensus: false,
      dissent: 'The school preferred to wait until the end of term before changing the plan.',
      interventions: [
        {
          type: 'sport_youth',
          title: 'Weekly football group at the youth centre',
          agencyId: ids.of(YOUTH_CENTRE),
          assigneeId: ids.of('agency_practitioner'),
          startDate: isoDay(story.day(6, 0)),
          dueDate: isoDay(story.ahead(54)),
        },
      ],
      tasks: [
        { title: 'Meet the parents with the school counsellor', assigneeId: ids.of('social_worker'), dueDate: isoDay(story.ahead(7)) },
      ],
      minute: 'The plan changes: a weekly football group is added; the school asked for its concerns to be minuted.',
    },
    { decision: 'escalate', consensus: true },
  ];
}

/**
 * Two panel meetings, run by the demo coordinator: last week's, scheduled three weeks ago, held (the
 * school excused), decided (one decision with a recorded dissent, an intervention and a task) and
 * approved, with a correction after approval; and next week's, scheduled yesterday. Both invite the
 * youth centre (the demo practitioner's agency) and the social worker, so each sees their own
 * need-to-know pack. The practitioner starts the football group the decision gave their agency.
 */
export function seedMeetings(story: DemoStory) {
  const { ids } = story;
  const agenda = () => AGENDA.map((i) => ids.of(`case ${i}`));
  const past = () => ids.of('meeting past');
  story.at(story.day(21, 8), 'coordinator', async (coordinator) => {
    const invited = { agencyIds: [ids.of(YOUTH_CENTRE), ids.of(SCHOOL)], userIds: [ids.of('social_worker')] };
    const slot = { title: TITLE, scheduledAt: story.day(7, 9), location: LOCATION };
    const meeting = await coordinator.meetings.schedule({ ...slot, caseIds: agenda(), ...invited });
    ids.put('meeting past', meeting.id);
  });
  story.at(story.day(7, 9), 'coordinator', async (coordinator) => {
    const meeting = await coordinator.meetings.get({ id: past() });
    for (const [position, item] of meeting.agenda.entries()) ids.put(`agenda ${position}`, item.id);
    const school = ids.of(SCHOOL);
    const attendance = meeting.invitees.map((invitee) => ({ inviteeId: invitee.id, attended: invitee.agency?.id !== school }));
    await coordinator.meetings.recordAttendance({ id: past(), attendance });
  });
  const opening = 'Opened at nine; the youth centre and the key worker present, the school excused.';
  story.at(story.day(7, 9, 5), 'coordinator', (coordinator) => coordinator.meetings.addMinute({ meetingId: past(), body: opening }));
  for (const position of AGENDA.keys()) {
    story.at(story.day(7, 10, 10 * position), 'coordinator', async (coordinator) => {
      const { minute, ...decision } = decisions(story)[position]!;
      const agendaItemId = ids.of(`agenda ${position}`);
      const decided = await coordinator.meetings.decide({ agendaItemId, ...decision });
      for (const interventionId of decided.interventionIds) ids.put('football group', interventionId);
      if (!minute) return;
      ids.put(`minute ${position}`, (await coordinator.meetings.addMinute({ meetingId: past(), agendaItemId, body: minute })).id);
    });
  }
  story.at(story.day(6, 12), 'coordinator', (coordinator) => coordinator.meetings.approveMinutes({ id: past() }));
  story.at(story.day(5, 9), 'coordinator', (coordinator) =>
    coordinator.meetings.addMinute({
      meetingId: past(),
      correctsId: ids.of('minute 0'),
      body: 'Correction: attendance has been regular since the last review, not since the start of the plan.',
    }),
  );
  story.at(story.day(3, 10), 'agency_practitioner', (practitioner) =>
    practitioner.cases.updateIntervention({ id: ids.of('football group'), version: 1, status: 'active' }),
  );
  story.at(story.day(1, 8), 'coordinator', (coordinator) =>
    coordinator.meetings.schedule({
      title: TITLE,
      scheduledAt: story.ahead(7, 9),
      location: LOCATION,
      caseIds: agenda().slice(0, 2),
      agencyIds: [ids.of(YOUTH_CENTRE)],
      userIds: [ids.of('social_worker')],
    }),
  );
}
