import { t } from '../../trpc/init.js';
import { authedProcedure, publicProcedure } from '../../trpc/procedures.js';
import { ChangePasswordInput, EndSessionInput, LoginInput, SetLocaleInput } from './schema.js';
import { login } from './login.js';
import * as auth from './service.js';

const account = authedProcedure.meta({ allowPasswordChange: true });

export const authRouter = t.router({
  login: publicProcedure.input(LoginInput).mutation(({ ctx, input }) => login(ctx, input)),
  me: account.meta({ action: 'auth.me' }).query(({ ctx }) => auth.me(ctx)),
  logout: account.meta({ action: 'auth.logout' }).mutation(async ({ ctx }) => {
    await auth.logout(ctx);
    ctx.clearSessionCookie();
    return { ok: true };
  }),
  sessions: account.meta({ action: 'auth.sessions' }).query(({ ctx }) => auth.listSessions(ctx)),
  endSession: account.meta({ action: 'auth.sessions.end' }).input(EndSessionInput).mutation(async ({ ctx, input }) => {
    await auth.endSession(ctx, input.id);
    return { ok: true };
  }),
  changePassword: account.meta({ action: 'auth.changePassword' }).input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    await auth.changePassword(ctx, input);
    return { ok: true };
  }),
  setLocale: account.meta({ action: 'auth.setLocale' }).input(SetLocaleInput).mutation(async ({ ctx, input }) => {
    await auth.setLocale(ctx, input.locale);
    return { ok: true };
  }),
});
