import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { openMasterWords } from '../../crypto/envelope.js';
import type { MeetingStatus } from '../../generated/prisma/enums.js';

/** Field names bound into the ciphertexts of this module. */
export const DISSENT_FIELD = 'meeting.dissent';
export { MINUTE_FIELD } from '../../crypto/minutes.js';
/** A task's title (a panel decision's action), under its case's key, bound to the task's id. */
export const TASK_TITLE_FIELD = 'case_task.title';
/** A meeting's title and place: about no one record, so under the master keyring, bound to the meeting's id. */
export const TITLE_FIELD = 'panel_meeting.title';
export const LOCATION_FIELD = 'panel_meeting.location';
export const sealMeetingWords = (ctx: Pick<ServiceContext, 'keyring'>, field: string, id: string, words: string) =>
  ctx.keyring.encrypt(words, `${field}/${id}`);
/** A meeting's title and place as the pages show them. */
export const meetingWords = <T extends { id: string; title: string; location?: string | null }>(
  ctx: Pick<ServiceContext, 'keyring'>,
  m: T,
): T => ({
  ...m,
  title: openMasterWords(ctx.keyring, `${TITLE_FIELD}/${m.id}`, m.title),
  ...(m.location === undefined ? {} : { location: openMasterWords(ctx.keyring, `${LOCATION_FIELD}/${m.id}`, m.location) }),
});

/**
 * The meeting with `id` if the user may do `action` on it; otherwise NOT_FOUND, so another
 * municipality or an uninvited user learns nothing.
 */
export async function findMeeting(ctx: ServiceContext, id: string, action: 'read' | 'update') {
  assertCan(ctx.ability, action, 'PanelMeeting');
  const row = await ctx.db.panelMeeting.findFirst({
    where: { AND: [accessibleBy(ctx.ability, action).ofType('PanelMeeting'), { id }] },
    select: { id: true, municipalityId: true, status: true, scheduledAt: true },
  });
  if (!row) throw notFound('PanelMeeting', id);
  if (action === 'read') return row;
  // Writers lock the meeting, so an approval and a late decision cannot interleave.
  const [locked] = await ctx.db.$queryRaw<{ status: MeetingStatus }[]>`SELECT status FROM panel_meeting WHERE id = ${id}::uuid FOR UPDATE`;
  return { ...row, status: locked!.status };
}

/**
 * What may still change in a meeting of this status. `plan`: agenda, invitees, time (before it is
 * held). `record`: attendance, decisions, minutes (until approved).
 */
export function assertOpen(status: MeetingStatus, what: 'plan' | 'record') {
  if (status === 'cancelled') throw new AppError('MEETING_CANCELLED');
  if (status === 'approved') throw new AppError('MINUTES_LOCKED');
  if (what === 'plan' && status !== 'scheduled') throw new AppError('MEETING_STARTED');
}

/**
 * Attendance, minutes and decisions are records of a meeting that took place: refused while its time
 * is still to come. `scheduledAt` is an instant, so the comparison holds in any time zone.
 */
export function assertHappened(meeting: { scheduledAt: Date }, now: Date) {
  if (meeting.scheduledAt > now) throw new AppError('MEETING_NOT_YET');
}

/** Recording anything (attendance, a decision, minutes) means the meeting took place. */
export async function markHeld(ctx: ServiceContext, meeting: { id: string; status: MeetingStatus }) {
  if (meeting.status === 'scheduled')
    await ctx.db.panelMeeting.update({ where: { id: meeting.id }, data: { status: 'held' }, select: { id: true } });
}
