import type { Ability } from '@casl/ability';
import { accessibleBy, createPrismaAbility, type PrismaQueryOf, type Subjects, type Model } from '@casl/prisma/runtime';
import type {
  Prisma,
  Agency,
  AlertOutbox,
  AlertPreference,
  Assessment,
  AssessmentFactor,
  AuditEvent,
  AuditFlag,
  BreakGlass,
  Case,
  CaseTask,
  CaseTransfer,
  CaseNote,
  Disclosure,
  DisclosurePurpose,
  Intervention,
  ListItem,
  MeetingAgendaItem,
  Municipality,
  OnwardReferral,
  PanelMeeting,
  Person,
  Referral,
  Reminder,
  Session,
  User,
} from '../generated/prisma/client.js';

export { accessibleBy, createPrismaAbility };

// Typed against our generated client: a condition on a field that does not exist is a type error.
// biome-ignore lint/suspicious/noExplicitAny: @casl/prisma's Model takes any record of fields
export type PrismaQuery<T extends Model<Record<string, any>, string> = Model<Record<string, any>, string>> = PrismaQueryOf<
  Prisma.TypeMap,
  T
>;

export type AppSubjects =
  | 'all'
  | Subjects<{
      Agency: Agency;
      AlertOutbox: AlertOutbox;
      AlertPreference: AlertPreference;
      Assessment: Assessment;
      AssessmentFactor: AssessmentFactor;
      AuditEvent: AuditEvent;
      AuditFlag: AuditFlag;
      BreakGlass: BreakGlass;
      Case: Case;
      CaseTask: CaseTask;
      CaseTransfer: CaseTransfer;
      CaseNote: CaseNote;
      Disclosure: Disclosure;
      DisclosurePurpose: DisclosurePurpose;
      Intervention: Intervention;
      ListItem: ListItem;
      MeetingAgendaItem: MeetingAgendaItem;
      Municipality: Municipality;
      OnwardReferral: OnwardReferral;
      PanelMeeting: PanelMeeting;
      Person: Person;
      Referral: Referral;
      Reminder: Reminder;
      Session: Session;
      User: User;
    }>;

/** A case's sections, each readable on its own through a disclosure. */
export type SectionAction = 'read:summary' | 'read:notes' | 'read:plan' | 'read:assessments';

export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'verify'
  | 'history'
  | 'screen'
  | 'match'
  | 'merge'
  | 'directory'
  | 'correct'
  | 'oversee'
  | SectionAction
  | 'write:notes'
  | 'manage:team'
  | 'consent'
  | 'rate'
  | 'review'
  | 'decide'
  | 'breakGlass'
  | 'readJustification'
  // Statistics (modules/statistics/policy.ts): the municipality's suppressed figures.
  | 'statistics'
  // Subject access (modules/subject-access/policy.ts): prepare, review, release a person's export.
  | 'subjectAccess'
  // Onward referrals (modules/onward/policy.ts): refer a case on; answer one sent to one's agency.
  | 'refer'
  | 'answer'
  // Transfers between member cities (modules/transfers/policy.ts): propose a case's; receive into one's city.
  | 'transferCity'
  | 'receiveTransfer'
  // Retention (modules/retention/policy.ts): a legal hold on a case; the preview; the deletion certificates.
  | 'hold'
  | 'preview'
  | 'read:certificates'
  // The record of processing (modules/processing-record/policy.ts).
  | 'declare'
  // The municipality's sign-in and audit-flag settings (second-factor roles, time zone and working hours,
  // flag thresholds): a city's admin and a hub's (work/policy.ts, hub/policy.ts); 'read'/'update' are all its settings.
  | 'read:security'
  | 'update:security'
  // The regional hub (modules/hub/policy.ts): its figures, its members, a city's choice to share.
  | 'hubFigures'
  | 'hubMembers'
  | 'shareFigures';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
