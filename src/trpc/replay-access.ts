import { ForbiddenError } from '@casl/ability';
import { accessibleBy, type AppAbility } from '../auth/casl.js';
import type { DbClient } from '../db.js';
import type { Subject } from '../audit/event.js';

/**
 * The records about people that a keyed call's retry can name (the procedure's `idFrom`), with the model that
 * holds each. A retry hands back the first call's answer without doing the work, so without a check here a
 * user who has lost the record since (a key worker reassigned, a disclosure revoked) would be answered
 * about it through an old key. A call that names no record creates one (a person, a referral, a meeting):
 * its answer echoes what the user sent, with the new ids, and is answered again, even to a user who may
 * create a person but not read one with no case yet (a social worker). NOT_ABOUT_A_PERSON lists the other
 * types a keyed call may name, each with why it is not checked; a test holds every keyed procedure to one list.
 */
export const MODELS = {
  Case: 'case',
  Referral: 'referral',
  Person: 'person',
  PanelMeeting: 'panelMeeting',
  MeetingAgendaItem: 'meetingAgendaItem',
  OnwardReferral: 'onwardReferral',
  Intervention: 'intervention',
} as const;

export const NOT_ABOUT_A_PERSON: Record<string, string> = {
  Municipality: 'a hub admin adds a member city: configuration, which goes with the role (a role change ends sessions)',
  CaseTransfer: "a transfer's row belongs to the sending city; its receiver reaches it through a rule on their own city, not a read rule",
};

type Counter = { count(args: { where: object }): Promise<number> };

/** Whether `ability` may still read the record: false when its rules no longer reach it (or never did). */
async function readable(db: DbClient, ability: AppAbility, type: keyof typeof MODELS, id: string): Promise<boolean> {
  try {
    const model = db[MODELS[type]] as unknown as Counter;
    return (await model.count({ where: { AND: [accessibleBy(ability, 'read').ofType(type), { id }] } })) > 0;
  } catch (err) {
    // No read rule for the type at all: CASL refuses to build the condition.
    if (err instanceof ForbiddenError) return false;
    throw err;
  }
}

/** The record a retry names, when the user can no longer read it; null when they can, or it names none. */
export async function lostRecord(db: DbClient, ability: AppAbility, about: Subject): Promise<Required<Subject> | null> {
  const { type, id } = about;
  if (!type || !id || !Object.hasOwn(MODELS, type)) return null;
  return (await readable(db, ability, type as keyof typeof MODELS, id)) ? null : { type, id };
}
