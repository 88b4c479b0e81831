/**
 * Every action the audit log knows, each written once. A procedure is declared with its action
 * (`procedure('case.read', …)`, trpc/procedures.ts) and the procedure tier records it, allowed or
 * denied; sign-in, jobs, seeds and the CLI record theirs through the same type, so a name that is not
 * here is a type error wherever an event is written. Shared with the web, whose audit page names each
 * one in every language (a missing translation is a type error there).
 */
export const AUDIT_ACTIONS = [
  // Sign-in and one's own account
  'auth.login',
  'auth.lock',
  'auth.me',
  'auth.logout',
  'auth.sessions',
  'auth.sessions.end',
  'auth.changePassword',
  'auth.setLocale',
  'auth.notice.dismiss',
  'auth.factor.begin',
  'auth.factor.confirm',
  'auth.factor.verify',
  'auth.stepUp',
  'auth.keepAlive',
  // Administration
  'municipality.create',
  'agency.list',
  'agency.create',
  'agency.update',
  'agency.deactivate',
  'agency.reactivate',
  'user.list',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.resetPassword',
  'user.directory',
  'user.factorReset.list',
  'user.factorReset.request',
  'user.factorReset.confirm',
  'user.sessions.list',
  'user.sessions.end',
  'user.caseloads',
  'user.caseload',
  'user.handover',
  'settings.read',
  'settings.update',
  'settings.holidays.read',
  'settings.holidays.update',
  'data.rotateKey',
  // The audit log itself
  'audit.list',
  'audit.export',
  'audit.verify',
  'audit.flags',
  'audit.anchors',
  'audit.history.case',
  'audit.history.person',
  'audit.history.referral',
  'audit.flag.read',
  'audit.flag.review',
  'audit.flag.raise',
  // People and referrals
  'person.match',
  'person.create',
  'person.read',
  'person.household.link',
  'person.merges',
  'person.merge',
  'person.unmerge',
  'person.distinct.mark',
  'person.distinct.unmark',
  'person.correct',
  'person.history',
  'search.find',
  'referral.create',
  'referral.mine',
  'referral.queue',
  'referral.read',
  'referral.screen',
  'referral.correct',
  'referral.history',
  // Cases
  'case.open',
  'case.list',
  'case.read',
  'case.note.list',
  'case.note.create',
  'case.summary.update',
  'case.history',
  'case.stage.change',
  'case.assign',
  'case.close',
  'case.reopen',
  'case.review',
  'case.disclose',
  'case.disclosure.revoke',
  'case.intervention.create',
  'case.intervention.update',
  'case.consent.withdraw',
  'case.consent.list',
  'case.consent.record',
  'case.consent.renew',
  'case.consent.print',
  'case.consent.expire',
  'case.breakGlass',
  'case.breakGlass.live',
  'case.breakGlass.end',
  // Printed pages (issue 15, paper still matters): what was printed, by kind.
  'print.case',
  'print.meeting',
  'print.referral',
  // Assessments
  'assessment.factor.list',
  'assessment.factor.create',
  'assessment.factor.update',
  'assessment.factor.retire',
  'assessment.factor.reactivate',
  'assessment.list',
  'assessment.create',
  // Panel meetings
  'meeting.list',
  'meeting.read',
  'meeting.schedule',
  'meeting.update',
  'meeting.cancel',
  'meeting.attendance',
  'meeting.decide',
  'meeting.minute.create',
  'meeting.approve',
  // My work, and the job that raises reminders
  'work.mine',
  'work.reminder.dismiss',
  'work.task.complete',
  'reminder.sweep',
  'people.rekey',
  // Unsent work kept for its author (drafts of referrals and case notes)
  'draft.list',
  'draft.read',
  'draft.save',
  'draft.discard',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The records with an access history: an event names them as its record or in `detail.touched`, and
 * the database links each to the event (audit_event_entity), so "who has seen this" is an indexed read.
 */
export const HISTORY_TYPES = ['Case', 'Person', 'Referral'] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** What an event showed besides its own record: ids by kind (`detail.touched`). */
export type Touched = Partial<Record<HistoryType, string[]>>;
