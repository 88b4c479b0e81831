import type { z } from 'zod';
import { AppError, notFound } from '../../errors.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { hashPassword } from '../../auth/password.js';
import { endSessions } from '../../auth/session.js';
import { oneTimePassword } from '../../auth/token.js';
import { escapeLike } from '../../lib/text.js';
import { flagAccountChange } from '../audit/flags.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CreateUserInput, DirectoryInput, ListUsersInput, UpdateUserInput } from './schema.js';
import { checkRoleFitsKind } from './role-kind.js';

export const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  locale: true,
  trainedAssessor: true,
  mustChangePassword: true,
  disabledAt: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  agency: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

const listSelect = {
  ...userSelect,
  secondFactor: { select: { enabledAt: true } },
  factorResetsFor: { where: { confirmedAt: null }, select: { id: true } },
} satisfies Prisma.UserSelect;

/** Staff accounts of the admin's municipality. Reading them is audited: they are personal data. */
export async function listUsers(ctx: ServiceContext, input: z.infer<typeof ListUsersInput>) {
  assertCan(ctx.ability, 'read', 'User');
  const words = input.search ? { contains: escapeLike(input.search), mode: 'insensitive' as const } : undefined;
  const search = words ? { OR: [{ email: words }, { displayName: words }] } : {};
  const users = await ctx.db.user.findMany({
    where: {
      AND: [
        accessibleBy(ctx.ability).ofType('User'),
        search,
        input.role ? { role: input.role } : {},
        input.includeDisabled ? {} : { disabledAt: null },
      ],
    },
    select: listSelect,
    orderBy: [{ disabledAt: { sort: 'desc', nulls: 'first' } }, { displayName: 'asc' }],
    take: 500,
  });
  ctx.audit.detail({ count: users.length });
  // Whether a second factor is set up and a reset of it waits for its second person (never the secret).
  return users.map(({ secondFactor, factorResetsFor, ...user }) => ({
    ...user,
    factor: { enrolled: !!secondFactor?.enabledAt, resetPending: factorResetsFor.length > 0 },
  }));
}

/** The agency must be one of the admin's municipality, active; a practitioner must have one. */
async function checkAgency(ctx: ServiceContext, role: string, agencyId: string | null | undefined) {
  if (role === 'agency_practitioner' && !agencyId) throw new AppError('AGENCY_REQUIRED', { fields: { agencyId: 'AGENCY_REQUIRED' } });
  if (!agencyId) return;
  const agency = await ctx.db.agency.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Agency'), { id: agencyId }] },
    select: { active: true },
  });
  if (!agency) throw new AppError('NOT_FOUND', { entity: { type: 'Agency', id: agencyId }, fields: { agencyId: 'NOT_FOUND' } });
  if (!agency.active) throw new AppError('AGENCY_INACTIVE', { fields: { agencyId: 'AGENCY_INACTIVE' } });
}

/**
 * Creates an account with a one-time password, shown once, that opens nothing but the page to choose
 * one's own. The owner is told at sign-in who created the account and when; an account that can read
 * case content is flagged for the auditor.
 */
export async function createUser(ctx: ServiceContext, input: z.infer<typeof CreateUserInput>) {
  assertCan(ctx.ability, 'create', 'User');
  await checkRoleFitsKind(ctx, input.role);
  await checkAgency(ctx, input.role, input.agencyId);
  // Exact: the schema normalised the address, the form every stored address has (never an ILIKE pattern).
  const taken = await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new AppError('EMAIL_TAKEN', { fields: { email: 'EMAIL_TAKEN' } });
  const password = oneTimePassword();
  const user = await ctx.db.user.create({
    data: {
      ...input,
      agencyId: input.agencyId ?? null,
      municipalityId: ctx.user.municipalityId,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      credentialsSetById: ctx.user.id,
      credentialsSetAt: ctx.clock(),
      credentialsSetHow: 'created',
    },
    select: userSelect,
  });
  await flagAccountChange(ctx, user, 'created');
  ctx.audit.subject('User', user.id).detail({ role: user.role, agencyId: input.agencyId ?? null });
  return { user, oneTimePassword: password };
}

async function findManaged(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'update', 'User');
  const user = await ctx.db.user.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('User'), { id }] },
    select: { id: true, role: true, agencyId: true, disabledAt: true },
  });
  if (!user) throw notFound('User', id);
  return user;
}

export async function updateUser(ctx: ServiceContext, input: z.infer<typeof UpdateUserInput>) {
  const { id, ...changes } = input;
  const before = await findManaged(ctx, id);
  const role = changes.role ?? before.role;
  const agencyId = changes.agencyId !== undefined ? changes.agencyId : before.agencyId;
  // A new agency is checked in full; a role change alone only needs the practitioner to have one.
  if (changes.agencyId !== undefined) await checkAgency(ctx, role, agencyId);
  else if (role === 'agency_practitioner' && !agencyId) throw new AppError('AGENCY_REQUIRED', { fields: { agencyId: 'AGENCY_REQUIRED' } });
  if (id === ctx.user.id && changes.role && changes.role !== 'admin') throw new AppError('CANNOT_DISABLE_SELF');
  if (changes.role) await checkRoleFitsKind(ctx, changes.role);
  const user = await ctx.db.user.update({ where: { id }, data: changes, select: userSelect });
  // A change of role or agency changes what the person may see: their sessions start again.
  if (role !== before.role || agencyId !== before.agencyId) await endSessions(ctx.db, ctx.clock(), 'access_changed', { userId: id });
  if (role !== before.role) await flagAccountChange(ctx, { id, role }, 'role_changed', before.role);
  ctx.audit.detail({ fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined) });
  return user;
}

/** Disabling ends every session of the account at once (users.disable goes through disable.ts, which checks its caseload). */
export async function setDisabled(ctx: ServiceContext, id: string, disabled: boolean) {
  await findManaged(ctx, id);
  if (id === ctx.user.id) throw new AppError('CANNOT_DISABLE_SELF');
  const now = ctx.clock();
  const user = await ctx.db.user.update({ where: { id }, data: { disabledAt: disabled ? now : null }, select: userSelect });
  const ended = disabled ? await endSessions(ctx.db, now, 'user_disabled', { userId: id }) : 0;
  if (disabled) ctx.audit.detail({ endedSessions: ended });
  return user;
}

/**
 * A new one-time password; the old one stops working and every session ends. The owner is told at their
 * next sign-in who reset it and when; an account that can read case content is flagged for the auditor.
 */
export async function resetPassword(ctx: ServiceContext, id: string) {
  const account = await findManaged(ctx, id);
  const password = oneTimePassword();
  const now = ctx.clock();
  await ctx.db.user.update({
    where: { id },
    data: {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      lockedUntil: null,
      failedLogins: 0,
      failedLoginsSince: null,
      credentialsSetById: ctx.user.id,
      credentialsSetAt: now,
      credentialsSetHow: 'reset',
    },
    select: { id: true },
  });
  await endSessions(ctx.db, now, 'password_reset', { userId: id });
  await flagAccountChange(ctx, account, 'password_reset');
  return { oneTimePassword: password };
}

/** Active colleagues for a coordinator's pickers: name, role, agency; no e-mail, no account state. */
export async function directory(ctx: ServiceContext, input: z.infer<typeof DirectoryInput>) {
  assertCan(ctx.ability, 'directory', 'User');
  const people = await ctx.db.user.findMany({
    where: {
      AND: [
        accessibleBy(ctx.ability, 'directory').ofType('User'),
        input.roles ? { role: { in: input.roles } } : {},
        input.agencyId ? { agencyId: input.agencyId } : {},
      ],
    },
    select: { id: true, displayName: true, role: true, trainedAssessor: true, agency: { select: { id: true, name: true } } },
    orderBy: { displayName: 'asc' },
    take: 1000,
  });
  ctx.audit.detail({ count: people.length });
  return people;
}
