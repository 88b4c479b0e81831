import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import { ReminderIdInput, TaskIdInput, UpdateSettingsInput } from './schema.js';
import { myWork } from './mine.js';
import { completeTask, dismissReminder } from './tasks.js';
import { getSettings, updateSettings } from './settings.js';

/** A procedure audited (allowed or denied) under `action`. */
const audited = (action: string) => authedProcedure.meta({ action });

/** "My work" (reminders and tasks) and the municipality's work settings. */
export const workRouter = t.router({
  mine: audited('work.mine').query(({ ctx }) => myWork(ctx)),
  dismiss: audited('work.reminder.dismiss').input(ReminderIdInput).mutation(({ ctx, input }) => dismissReminder(ctx, input.id)),
  completeTask: audited('work.task.complete').input(TaskIdInput).mutation(({ ctx, input }) => completeTask(ctx, input.id)),
  settings: audited('settings.read').query(({ ctx }) => getSettings(ctx)),
  updateSettings: audited('settings.update').input(UpdateSettingsInput).mutation(({ ctx, input }) => updateSettings(ctx, input)),
});
