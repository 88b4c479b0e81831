import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { CreateUserInput, DirectoryInput, ListUsersInput, UpdateUserInput, UserIdInput } from './schema.js';
import * as users from './service.js';

export const usersRouter = t.router({
  list: authedProcedure.meta({ action: 'user.list' }).input(ListUsersInput).query(({ ctx, input }) => users.listUsers(ctx, input)),
  create: authedProcedure.meta({ action: 'user.create' }).input(CreateUserInput).mutation(({ ctx, input }) => users.createUser(ctx, input)),
  update: authedProcedure.meta({ action: 'user.update' }).input(UpdateUserInput).mutation(({ ctx, input }) => users.updateUser(ctx, input)),
  disable: authedProcedure.meta({ action: 'user.disable' }).input(UserIdInput).mutation(({ ctx, input }) => users.setDisabled(ctx, input.id, true)),
  enable: authedProcedure.meta({ action: 'user.enable' }).input(UserIdInput).mutation(({ ctx, input }) => users.setDisabled(ctx, input.id, false)),
  resetPassword: authedProcedure.meta({ action: 'user.resetPassword' }).input(UserIdInput).mutation(({ ctx, input }) => users.resetPassword(ctx, input.id)),
  directory: authedProcedure.meta({ action: 'user.directory' }).input(DirectoryInput).query(({ ctx, input }) => users.directory(ctx, input)),
});
