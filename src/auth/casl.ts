import type { Ability } from '@casl/ability';
import {
  accessibleBy,
  createPrismaAbility,
  type PrismaQueryOf,
  type Subjects,
  type Model,
} from '@casl/prisma/runtime';
import type {
  Prisma,
  Agency,
  AuditEvent,
  Case,
  CaseNote,
  Disclosure,
  Intervention,
  Municipality,
  Person,
  Referral,
  Session,
  User,
} from '../generated/prisma/client.js';

export { accessibleBy, createPrismaAbility };

// Typed against our generated client: a condition on a field that does not exist is a type error.
export type PrismaQuery<T extends Model<Record<string, any>, string> = Model<Record<string, any>, string>> = PrismaQueryOf<
  Prisma.TypeMap,
  T
>;

export type AppSubjects =
  | 'all'
  | Subjects<{
      Agency: Agency;
      AuditEvent: AuditEvent;
      Case: Case;
      CaseNote: CaseNote;
      Disclosure: Disclosure;
      Intervention: Intervention;
      Municipality: Municipality;
      Person: Person;
      Referral: Referral;
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
  | 'screen'
  | 'match'
  | 'directory'
  | SectionAction
  | 'write:notes'
  | 'manage:team'
  | 'consent';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
