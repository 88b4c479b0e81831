import type { Db } from '../../src/db.js';
import type { Target } from './matrix.js';
import type { TargetIds } from './scenario.js';

/**
 * What the audit event of a row must name, written by hand like the grid. A refusal of a row with a
 * target names the record the row asked for (`recordAsked`), whatever refused it: the role, the scope, or
 * the record's absence. An allowed row names the same record, unless EVENT says otherwise: the
 * procedures without a target, and those whose event is about another record than the one asked for.
 */
export interface Named {
  type: string;
  id: string | null;
}

/** What a row sent and got back, for reading the record its event must name. */
export interface Seen {
  ids: TargetIds;
  input: any;
  data: any;
  actor: { id: string; municipalityId: string };
  /** The session the row was sent with, when it had one of its own (a spare's). */
  sessionId: string | null;
  ip: string;
  db: Db;
}

/** The type of the record a row asks for, by the kind of its target; its id is the row's `<target>Id`. */
const ASKED: Record<Exclude<Target, 'none'>, string> = {
  case: 'Case',
  person: 'Person',
  intervention: 'Intervention',
  disclosure: 'Disclosure',
  referral: 'Referral',
  user: 'User',
  agency: 'Agency',
  purpose: 'DisclosurePurpose',
  listItem: 'ListItem',
  session: 'Session',
  factor: 'AssessmentFactor',
  meeting: 'PanelMeeting',
  agendaItem: 'MeetingAgendaItem',
  reminder: 'Reminder',
  task: 'CaseTask',
  draft: 'Draft',
};

/** The record a row with a target asks for. */
export function recordAsked(target: Exclude<Target, 'none'>, ids: TargetIds): Named {
  return { type: ASKED[target], id: ids[`${target}Id`]! };
}

const many = (type: string) => (): Named => ({ type, id: null });
const own =
  (type: string) =>
  (r: Seen): Named => ({ type, id: r.actor.id });
const made =
  (type: string, id: (data: any) => string = (d) => d.id) =>
  (r: Seen): Named => ({ type, id: id(r.data) });
const theirCase = (r: Seen): Named => ({ type: 'Case', id: r.ids.caseId! });
const town = (r: Seen): Named => ({ type: 'Municipality', id: r.actor.municipalityId });

/** The record of an allowed row's event, where it is not its target's. */
export const EVENT: Record<string, (r: Seen) => Named | Promise<Named>> = {
  // Sign-in records the session it started (the one made from this row's address).
  'auth.login': async (r) => ({
    type: 'Session',
    id: (await r.db.session.findFirst({ where: { userId: r.actor.id, ip: r.ip }, select: { id: true } }))?.id ?? 'none',
  }),
  'auth.me': own('User'),
  'auth.logout': (r) => ({ type: 'Session', id: r.sessionId }),
  'auth.sessions': many('Session'),
  'auth.changePassword': own('User'),
  'auth.setLocale': own('User'),
  'auth.dismissNotice': own('User'),
  'auth.beginFactor': own('User'),
  'auth.confirmFactor': own('User'),
  'auth.verifyFactor': (r) => ({ type: 'Session', id: r.sessionId }),
  'auth.stepUp': (r) => ({ type: 'Session', id: r.sessionId }),
  'auth.keepAlive': (r) => ({ type: 'Session', id: r.sessionId }),
  'drafts.list': many('Draft'),
  'drafts.save': made('Draft'),
  'users.factorResets': many('SecondFactorReset'),
  'users.requestFactorReset': made('SecondFactorReset'),
  'users.confirmFactorReset': (r) => ({ type: 'SecondFactorReset', id: (r.input as { id: string }).id }),
  'work.factorRoles': town,
  'work.setFactorRoles': town,
  'agencies.list': many('Agency'),
  'agencies.create': made('Agency'),
  'purposes.list': many('DisclosurePurpose'),
  'purposes.create': made('DisclosurePurpose'),
  'lists.items': many('ListItem'),
  'lists.create': made('ListItem'),
  'processingRecord.get': town,
  'users.list': many('User'),
  'users.create': made('User', (d) => d.user.id),
  'users.directory': many('User'),
  'users.caseloads': many('User'),
  'audit.list': many('AuditEvent'),
  'audit.verify': many('AuditEvent'),
  'audit.export': many('AuditEvent'),
  'statistics.figures': town,
  'statistics.export': town,
  'audit.anchors': many('AuditEvent'),
  'audit.flags': many('AuditFlag'),
  'audit.flag': (r) => ({ type: 'AuditFlag', id: (r.input as { id: string }).id }),
  'audit.reviewFlag': (r) => ({ type: 'AuditFlag', id: (r.input as { id: string }).id }),
  'people.match': many('Person'),
  'search.find': many('Person'),
  'people.create': made('Person'),
  // The member linked into the person's household.
  'people.linkHousehold': (r) => ({ type: 'Person', id: r.input.memberId }),
  'referrals.create': made('Referral'),
  'referrals.mine': many('Referral'),
  'referrals.queue': many('Referral'),
  'cases.list': many('Case'),
  'cases.emergencyAccess': many('BreakGlass'),
  'cases.endBreakGlass': (r) => ({ type: 'BreakGlass', id: r.input.id }),
  // Revoking a disclosure and updating an intervention change the case they belong to.
  'cases.revokeDisclosure': theirCase,
  'cases.updateIntervention': theirCase,
  'assessments.factors': many('AssessmentFactor'),
  'assessments.createFactor': made('AssessmentFactor'),
  'meetings.list': many('PanelMeeting'),
  'meetings.schedule': made('PanelMeeting'),
  'work.mine': many('Reminder'),
  'work.settings': town,
  'work.updateSettings': town,
  'work.flagSettings': town,
  'work.setFlagSettings': town,
  'work.holidays': town,
  'onward.inbox': many('OnwardReferral'),
  'onward.resend': (r) => ({ type: 'OnwardReferral', id: r.input.id }),
  'onward.accept': (r) => ({ type: 'OnwardReferral', id: r.input.id }),
  'onward.decline': (r) => ({ type: 'OnwardReferral', id: r.input.id }),
  'onward.recordOutcome': (r) => ({ type: 'OnwardReferral', id: r.input.id }),
  'transfers.destinations': many('Municipality'),
  'transfers.inbox': many('CaseTransfer'),
  'transfers.propose': made('CaseTransfer'),
  'transfers.withdraw': (r) => ({ type: 'CaseTransfer', id: r.input.id }),
  'transfers.get': (r) => ({ type: 'CaseTransfer', id: r.input.id }),
  'transfers.matches': (r) => ({ type: 'CaseTransfer', id: r.input.id }),
  'transfers.accept': (r) => ({ type: 'CaseTransfer', id: r.input.id }),
  'transfers.decline': (r) => ({ type: 'CaseTransfer', id: r.input.id }),
  'work.setHolidays': town,
  'retention.rules': town,
  'retention.setRule': town,
  'retention.preview': town,
  'retention.certificates': town,
  'retention.certificate': (r) => ({ type: 'DeletionCertificate', id: (r.input as { id: string }).id }),
  'alerts.preferences': own('User'),
  'alerts.setPreferences': own('User'),
  'alerts.status': many('AlertOutbox'),
  'alerts.retry': (r) => ({ type: 'AlertOutbox', id: (r.input as { id: string }).id }),
  'hub.figures': town,
  'hub.memberships': town,
  'hub.setSharing': (r) => ({ type: 'Municipality', id: (r.input as { hubId: string }).hubId }),
};
