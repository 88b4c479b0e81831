import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CreateUserInput, DirectoryInput, DisableUserInput, ListUsersInput, UpdateUserInput, UserIdInput } from './schema.js';
import * as users from './service.js';
import { endUserSession, EndUserSessionInput, listUserSessions, UserSessionsInput } from './sessions.js';
import { caseload, CaseloadInput } from './caseload.js';
import { caseloads } from './caseloads.js';
import { disableUser } from './disable.js';
import { handover, HandoverInput } from './handover.js';
import { confirmFactorReset, FactorResetIdInput, listFactorResets, RequestFactorResetInput, requestFactorReset } from './factor-reset.js';

export const usersRouter = t.router({
  list: procedure('user.list', { entity: 'User' })
    .input(ListUsersInput)
    .query(({ ctx, input }) => users.listUsers(ctx, input)),
  create: procedure('user.create', { entity: 'User' })
    .input(CreateUserInput)
    .mutation(({ ctx, input }) => users.createUser(ctx, input)),
  update: procedure('user.update', { entity: 'User', idFrom: 'id' })
    .input(UpdateUserInput)
    .mutation(({ ctx, input }) => users.updateUser(ctx, input)),
  disable: procedure('user.disable', { entity: 'User', idFrom: 'id' })
    .input(DisableUserInput)
    .mutation(({ ctx, input }) => disableUser(ctx, input)),
  enable: procedure('user.enable', { entity: 'User', idFrom: 'id' })
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.setDisabled(ctx, input.id, false)),
  resetPassword: procedure('user.resetPassword', { entity: 'User', idFrom: 'id' })
    .input(UserIdInput)
    .mutation(({ ctx, input }) => users.resetPassword(ctx, input.id)),
  directory: procedure('user.directory', { entity: 'User' })
    .input(DirectoryInput)
    .query(({ ctx, input }) => users.directory(ctx, input)),
  // Two-person reset of a second factor (factor-reset.ts).
  factorResets: procedure('user.factorReset.list', { entity: 'SecondFactorReset' }).query(({ ctx }) => listFactorResets(ctx)),
  requestFactorReset: procedure('user.factorReset.request', { entity: 'User', idFrom: 'id' })
    .input(RequestFactorResetInput)
    .mutation(({ ctx, input }) => requestFactorReset(ctx, input)),
  confirmFactorReset: procedure('user.factorReset.confirm', { entity: 'SecondFactorReset', idFrom: 'id' })
    .input(FactorResetIdInput)
    .mutation(({ ctx, input }) => confirmFactorReset(ctx, input.id)),
  // An admin oversees the sessions of the municipality's accounts (sessions.ts).
  sessions: procedure('user.sessions.list', { entity: 'User', idFrom: 'userId' })
    .input(UserSessionsInput)
    .query(({ ctx, input }) => listUserSessions(ctx, input.userId)),
  endSession: procedure('user.sessions.end', { entity: 'Session', idFrom: 'id' })
    .input(EndUserSessionInput)
    .mutation(({ ctx, input }) => endUserSession(ctx, input.id)),
  // Before someone leaves: what is assigned to them, and handing it over (caseload.ts, handover.ts).
  caseloads: procedure('user.caseloads', { entity: 'User' }).query(({ ctx }) => caseloads(ctx)),
  caseload: procedure('user.caseload', { entity: 'User', idFrom: 'userId' })
    .input(CaseloadInput)
    .query(({ ctx, input }) => caseload(ctx, input.userId)),
  handover: procedure('user.handover', { entity: 'User', idFrom: 'userId' })
    .input(HandoverInput)
    .mutation(({ ctx, input }) => handover(ctx, input)),
});
