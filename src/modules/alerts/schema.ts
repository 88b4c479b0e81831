import { z } from 'zod';
import { ALERT_KINDS, ALERT_MODES } from '../../shared/vocabulary.js';

/** One's own choices: no user id in it (strict), so nobody can set another user's. */
export const SetAlertPreferencesInput = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: z.enum(ALERT_KINDS), mode: z.enum(ALERT_MODES) }))
    .min(1)
    .max(ALERT_KINDS.length)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, { message: 'duplicate' }),
});
export type SetAlertPreferences = z.infer<typeof SetAlertPreferencesInput>;

/** Admin: a failed alert of the municipality, sent again at the job's next run. */
export const RetryAlertInput = z.strictObject({ id: z.uuid() });
export type RetryAlert = z.infer<typeof RetryAlertInput>;
