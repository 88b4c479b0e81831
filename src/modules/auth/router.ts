import type { AuditAction } from '../../audit/actions.js';
import { t, type ProcedureOptions } from '../../trpc/init.js';
import { procedure, publicProcedure } from '../../trpc/procedures.js';
import { ChangePasswordInput, CodeInput, EndSessionInput, LoginInput, SetLocaleInput } from './schema.js';
import { login } from './login.js';
import * as auth from './service.js';
import * as factor from './second-factor.js';
import { keepAlive } from './keep-alive.js';

/**
 * Reachable while a one-time password must still be replaced: seeing who one is, choosing one's own
 * password, signing out. Nothing else, not even one's sessions or language: whoever holds the one-time
 * password (the admin who created or reset the account) reads nothing under the owner's name.
 */
const account = (action: AuditAction, options: ProcedureOptions = {}) =>
  procedure(action, { ...options, allowPasswordChange: true, allowEnrolment: true });

/** Reachable while enrolment is forced (the role requires a second factor the user has not set up yet). */
const enrolment = (action: AuditAction) => procedure(action, { entity: 'User', allowEnrolment: true });

export const authRouter = t.router({
  login: publicProcedure.input(LoginInput).mutation(({ ctx, input }) => login(ctx, input)),
  me: account('auth.me', { entity: 'User' }).query(({ ctx }) => auth.me(ctx)),
  // The session counts as used now (stay signed in; typing): also while the password must be changed.
  keepAlive: account('auth.keepAlive', { entity: 'Session' }).mutation(({ ctx }) => keepAlive(ctx)),
  logout: account('auth.logout', { entity: 'Session', secondFactorStep: true }).mutation(async ({ ctx }) => {
    await auth.logout(ctx);
    ctx.clearSessionCookie();
    return { ok: true };
  }),
  beginFactor: enrolment('auth.factor.begin').mutation(({ ctx }) => factor.beginEnrolment(ctx)),
  confirmFactor: enrolment('auth.factor.confirm')
    .input(CodeInput)
    .mutation(({ ctx, input }) => factor.confirmEnrolment(ctx, input.code)),
  // Half signed in: the code after the password. Its own transaction, so a wrong code's count commits.
  verifyFactor: procedure('auth.factor.verify', { entity: 'Session', secondFactorStep: true, noTransaction: true })
    .input(CodeInput)
    .mutation(({ ctx, input }) => factor.verifySignIn(ctx, input.code)),
  stepUp: procedure('auth.stepUp', { entity: 'Session', noTransaction: true })
    .input(CodeInput)
    .mutation(({ ctx, input }) => factor.stepUp(ctx, input.code)),
  sessions: procedure('auth.sessions', { entity: 'Session' }).query(({ ctx }) => auth.listSessions(ctx)),
  endSession: procedure('auth.sessions.end', { entity: 'Session', idFrom: 'id' })
    .input(EndSessionInput)
    .mutation(async ({ ctx, input }) => {
      await auth.endSession(ctx, input.id);
      return { ok: true };
    }),
  changePassword: account('auth.changePassword', { entity: 'User' })
    .input(ChangePasswordInput)
    .mutation(async ({ ctx, input }) => {
      await auth.changePassword(ctx, input);
      return { ok: true };
    }),
  setLocale: procedure('auth.setLocale', { entity: 'User' })
    .input(SetLocaleInput)
    .mutation(async ({ ctx, input }) => {
      await auth.setLocale(ctx, input.locale);
      return { ok: true };
    }),
  dismissNotice: procedure('auth.notice.dismiss', { entity: 'User' }).mutation(async ({ ctx }) => {
    await auth.dismissNotice(ctx);
    return { ok: true };
  }),
});
