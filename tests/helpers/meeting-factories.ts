import type { Db } from '../../src/db.js';
import type { MeetingStatus } from '../../src/generated/prisma/enums.js';
import { MINUTE_FIELD } from '../../src/modules/meetings/access.js';
import { testKeyring } from './callers.js';
import { OPENED_AT, type Town } from './case-factories.js';

/**
 * When factory-made meetings take place: earlier on the day the test clock starts at (the day factory
 * cases open), so attendance, minutes and decisions may be recorded (a future meeting refuses them).
 */
export const MEETING_AT = new Date(OPENED_AT.getTime() - 2 * 3_600_000);

export interface MakeMeeting {
  cases: { id: string }[];
  agencyIds?: string[];
  userIds?: string[];
  scheduledAt?: Date;
  status?: MeetingStatus;
  title?: string;
}

/**
 * A panel meeting as `meetings.schedule` would store it (agenda in the order given), created by the
 * town's coordinator; `status` moves it on (held, approved, cancelled) without decisions.
 */
export async function makeMeeting(db: Db, town: Town, data: MakeMeeting) {
  const approved = data.status === 'approved';
  const meeting = await db.panelMeeting.create({
    data: {
      municipalityId: town.town.id,
      title: data.title ?? 'Synthetic panel meeting',
      scheduledAt: data.scheduledAt ?? MEETING_AT,
      location: 'Town hall, room 2',
      status: data.status ?? 'scheduled',
      createdById: town.coordinator.id,
      createdAt: OPENED_AT,
      approvedAt: approved ? MEETING_AT : null,
      approvedById: approved ? town.coordinator.id : null,
      agenda: { create: data.cases.map((c, position) => ({ municipalityId: town.town.id, caseId: c.id, position })) },
      invitees: {
        create: [
          ...(data.agencyIds ?? []).map((agencyId) => ({ municipalityId: town.town.id, agencyId })),
          ...(data.userIds ?? []).map((userId) => ({ municipalityId: town.town.id, userId })),
        ],
      },
    },
    select: {
      id: true,
      agenda: { select: { id: true, caseId: true }, orderBy: { position: 'asc' } },
      invitees: { select: { id: true, agencyId: true, userId: true } },
    },
  });
  const itemFor = (c: { id: string }) => meeting.agenda.find((i) => i.caseId === c.id)!.id;
  return { id: meeting.id, agenda: meeting.agenda, invitees: meeting.invitees, itemFor };
}

/** A minutes entry as `meetings.addMinute` would store it (body encrypted). */
export async function makeMinute(
  db: Db,
  meeting: { id: string },
  author: { id: string; municipalityId: string },
  data: { body?: string; agendaItemId?: string; at?: Date } = {},
) {
  return db.meetingMinute.create({
    data: {
      meetingId: meeting.id,
      municipalityId: author.municipalityId,
      agendaItemId: data.agendaItemId ?? null,
      authorId: author.id,
      body: testKeyring.encrypt(data.body ?? 'Synthetic minutes entry.', MINUTE_FIELD),
      createdAt: data.at ?? MEETING_AT,
    },
    select: { id: true },
  });
}
