import { z } from 'zod';

export const ReminderIdInput = z.object({ id: z.uuid() });
export const TaskIdInput = z.object({ id: z.uuid() });

/**
 * Bounds a municipality may choose: reviews at least weekly and at most every two years; screening within 1–60 working days;
 * an emergency access (break-glass) for 5 minutes to 4 hours (the database checks the same range); unsent drafts
 * kept 1–90 days after their last save (the database checks it too); an onward referral answered within 1–30 working days.
 */
export const SETTINGS_BOUNDS = {
  reviewIntervalDays: { min: 7, max: 730 },
  screeningSlaDays: { min: 1, max: 60 },
  breakGlassMinutes: { min: 5, max: 240 },
  draftDays: { min: 1, max: 90 },
  onwardAnswerDays: { min: 1, max: 30 },
} as const;

export const UpdateSettingsInput = z
  .object({
    reviewIntervalDays: z.number().int().min(SETTINGS_BOUNDS.reviewIntervalDays.min).max(SETTINGS_BOUNDS.reviewIntervalDays.max).optional(),
    screeningSlaDays: z.number().int().min(SETTINGS_BOUNDS.screeningSlaDays.min).max(SETTINGS_BOUNDS.screeningSlaDays.max).optional(),
    breakGlassMinutes: z.number().int().min(SETTINGS_BOUNDS.breakGlassMinutes.min).max(SETTINGS_BOUNDS.breakGlassMinutes.max).optional(),
    draftDays: z.number().int().min(SETTINGS_BOUNDS.draftDays.min).max(SETTINGS_BOUNDS.draftDays.max).optional(),
    onwardAnswerDays: z.number().int().min(SETTINGS_BOUNDS.onwardAnswerDays.min).max(SETTINGS_BOUNDS.onwardAnswerDays.max).optional(),
  })
  .refine((s) => Object.values(s).some((v) => v !== undefined), {
    message: 'required',
    path: ['reviewIntervalDays'],
  });

export type UpdateSettings = z.infer<typeof UpdateSettingsInput>;
