import type { Ability } from '@casl/ability';
import {
  accessibleBy,
  createPrismaAbility,
  type PrismaQueryOf,
  type Subjects,
  type Model,
} from '@casl/prisma/runtime';
import type { Prisma, Agency, AuditEvent, Municipality, Session, User } from '../generated/prisma/client.js';

export { accessibleBy, createPrismaAbility };

// Typed against our generated client: a condition on a field that does not exist is a type error.
export type PrismaQuery<T extends Model<Record<string, any>, string> = Model<Record<string, any>, string>> = PrismaQueryOf<
  Prisma.TypeMap,
  T
>;

export type AppSubjects =
  | 'all'
  | Subjects<{ Agency: Agency; AuditEvent: AuditEvent; Municipality: Municipality; Session: Session; User: User }>;

export type Action = 'manage' | 'create' | 'read' | 'update' | 'verify';

export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
