import { ForbiddenError } from '@casl/ability';
import { accessibleBy, type AppAbility } from '../auth/casl.js';
import type { DbClient } from '../db.js';
import type { Subject } from '../audit/event.js';

/**
 * The records about people that a keyed call's retry can be about, with the model that holds each. A
 * retry hands back the first call's answer without doing the work, so without a check here a user who has
 * lost a record since (a key worker reassigned, a disclosure revoked) would read it again through an old
 * key. Configuration records (agencies, lists, purposes, hub members) say nothing about a person and go
 * with the role, whose change ends the user's sessions. A transfer's row belongs to the sending city, and
 * its receiver reaches it through a rule on their own city, not a read rule: it is not checked (the
 * receiver's retry of an acceptance is answered: tests/idempotency/replay-access.test.ts).
 */
const MODELS = {
  Case: 'case',
  Referral: 'referral',
  Person: 'person',
  PanelMeeting: 'panelMeeting',
  MeetingAgendaItem: 'meetingAgendaItem',
  OnwardReferral: 'onwardReferral',
  Intervention: 'intervention',
} as const;

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

/**
 * The first of `subjects` (the record the retry named, the one the first call's event named) that the user
 * can no longer read, or null.
 */
export async function lostRecord(db: DbClient, ability: AppAbility, subjects: Subject[]): Promise<Required<Subject> | null> {
  for (const { type, id } of subjects) {
    if (!type || !id || !Object.hasOwn(MODELS, type)) continue;
    if (!(await readable(db, ability, type as keyof typeof MODELS, id))) return { type, id };
  }
  return null;
}
