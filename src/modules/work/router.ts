import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { ReminderIdInput, TaskIdInput, UpdateSettingsInput } from './schema.js';
import { myWork } from './mine.js';
import { completeTask, dismissReminder } from './tasks.js';
import { getSettings, updateSettings } from './settings.js';
import { getFlagSettings, setFlagSettings, UpdateFlagSettingsInput } from './flag-settings.js';
import { getFactorRoles, setFactorRoles, UpdateFactorRolesInput } from './factor-settings.js';
import { listHolidays, setHolidays, SetHolidaysInput } from './holidays.js';

/** "My work" (reminders and tasks) and the municipality's work settings. */
export const workRouter = t.router({
  mine: procedure('work.mine', { entity: 'Reminder' }).query(({ ctx }) => myWork(ctx)),
  dismiss: procedure('work.reminder.dismiss', { entity: 'Reminder', idFrom: 'id' })
    .input(ReminderIdInput)
    .mutation(({ ctx, input }) => dismissReminder(ctx, input.id)),
  completeTask: procedure('work.task.complete', { entity: 'CaseTask', idFrom: 'id' })
    .input(TaskIdInput)
    .mutation(({ ctx, input }) => completeTask(ctx, input.id)),
  settings: procedure('settings.read', { entity: 'Municipality' }).query(({ ctx }) => getSettings(ctx)),
  updateSettings: procedure('settings.update', { entity: 'Municipality' })
    .input(UpdateSettingsInput)
    .mutation(({ ctx, input }) => updateSettings(ctx, input)),
  flagSettings: procedure('settings.read', { entity: 'Municipality' }).query(({ ctx }) => getFlagSettings(ctx)),
  setFlagSettings: procedure('settings.update', { entity: 'Municipality' })
    .input(UpdateFlagSettingsInput)
    .mutation(({ ctx, input }) => setFlagSettings(ctx, input)),
  factorRoles: procedure('settings.read', { entity: 'Municipality' }).query(({ ctx }) => getFactorRoles(ctx)),
  setFactorRoles: procedure('settings.update', { entity: 'Municipality' })
    .input(UpdateFactorRolesInput)
    .mutation(({ ctx, input }) => setFactorRoles(ctx, input)),
  holidays: procedure('settings.holidays.read', { entity: 'Municipality' }).query(({ ctx }) => listHolidays(ctx)),
  setHolidays: procedure('settings.holidays.update', { entity: 'Municipality' })
    .input(SetHolidaysInput)
    .mutation(({ ctx, input }) => setHolidays(ctx, input)),
});
