import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';
import { formatLocale } from '../../lib/region';

export type WorkItem = Outputs['work']['mine']['now'][number];
export type Settings = Outputs['work']['settings'];

/** The user's reminders and tasks: due now (newest first), then coming up. Audited (work.mine). */
export const getMyWork = query(() => trpc.work.mine.query(), 'work.mine');

/** The municipality's settings (admin). */
export const getSettings = query(() => trpc.work.settings.query(), 'work.settings');

/** A calendar day (a date column, midnight UTC) in the current locale, not shifted by the time zone. */
export const formatDay = (d: Date | string) =>
  new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(d));
