import { t } from '../../trpc/init.js';
import { authedProcedure, publicProcedure } from '../../trpc/procedures.js';
import { ChangePasswordInput, EndSessionInput, LoginInput, SetLocaleInput } from './schema.js';
import { login } from './login.js';
import * as auth from './service.js';

const account = authedProcedure.meta({ allowPasswordChange: true });

export const authRouter = t.router({
  login: publicProcedure.input(LoginInput).mutation(({ ctx, input }) => login(ctx, input)),
  me: account.query(({ ctx }) => auth.me(ctx)),
  logout: account.mutation(async ({ ctx }) => {
    await auth.logout(ctx);
    ctx.clearSessionCookie();
    return { ok: true };
  }),
  sessions: account.query(({ ctx }) => auth.listSessions(ctx)),
  endSession: account.input(EndSessionInput).mutation(async ({ ctx, input }) => {
    await auth.endSession(ctx, input.id);
    return { ok: true };
  }),
  changePassword: account.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    await auth.changePassword(ctx, input);
    return { ok: true };
  }),
  setLocale: account.input(SetLocaleInput).mutation(async ({ ctx, input }) => {
    await auth.setLocale(ctx, input.locale);
    return { ok: true };
  }),
});
