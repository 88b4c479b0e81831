import type { Ability } from '@casl/ability';
import { accessibleBy, createPrismaAbility, type PrismaQueryOf, type Subjects, type Model } from '@casl/prisma/runtime';
import type {
  Prisma,
  Agency,
  Assessment,
  AssessmentFactor,
  AuditEvent,
  AuditFlag,
  BreakGlass,
  Case,
  CaseTask,
  CaseNote,
  Disclosure,
  Intervention,
  MeetingAgendaItem,
  Municipality,
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
      Assessment: Assessment;
      AssessmentFactor: AssessmentFactor;
      AuditEvent: AuditEvent;
      AuditFlag: AuditFlag;
      BreakGlass: BreakGlass;
      Case: Case;
      CaseTask: CaseTask;
      CaseNote: CaseNote;
      Disclosure: Disclosure;
      Intervention: Intervention;
      MeetingAgendaItem: MeetingAgendaItem;
      Municipality: Municipality;
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
  | 'readJustification';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
