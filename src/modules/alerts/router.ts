import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { RetryAlertInput, SetAlertPreferencesInput } from './schema.js';
import { alertStatus, getAlertPreferences, retryAlert, setAlertPreferences } from './service.js';

/** One's own alert choices (profile page), and the admin's view of what could not be sent. */
export const alertsRouter = t.router({
  preferences: procedure('alert.preferences.read', { entity: 'User' }).query(({ ctx }) => getAlertPreferences(ctx)),
  setPreferences: procedure('alert.preferences.update', { entity: 'User' })
    .input(SetAlertPreferencesInput)
    .mutation(({ ctx, input }) => setAlertPreferences(ctx, input)),
  status: procedure('alert.status', { entity: 'AlertOutbox' }).query(({ ctx }) => alertStatus(ctx)),
  retry: procedure('alert.retry', { entity: 'AlertOutbox', idFrom: 'id' })
    .input(RetryAlertInput)
    .mutation(({ ctx, input }) => retryAlert(ctx, input)),
});
