import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { CreateUserInput, ListUsersInput, UpdateUserInput, UserIdInput } from './schema.js';
import * as users from './service.js';

export const usersRouter = t.router({
  list: authedProcedure.input(ListUsersInput).query(({ ctx, input }) => users.listUsers(ctx, input)),
  create: authedProcedure.input(CreateUserInput).mutation(({ ctx, input }) => users.createUser(ctx, input)),
  update: authedProcedure.input(UpdateUserInput).mutation(({ ctx, input }) => users.updateUser(ctx, input)),
  disable: authedProcedure.input(UserIdInput).mutation(({ ctx, input }) => users.setDisabled(ctx, input.id, true)),
  enable: authedProcedure.input(UserIdInput).mutation(({ ctx, input }) => users.setDisabled(ctx, input.id, false)),
  resetPassword: authedProcedure.input(UserIdInput).mutation(({ ctx, input }) => users.resetPassword(ctx, input.id)),
});
