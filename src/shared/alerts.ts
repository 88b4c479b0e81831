/** The kinds of alert a user can choose, and how (shared with the web's preferences section). */
export const ALERT_KINDS = [
  'referral_to_screen',
  'assigned',
  'onward_to_answer',
  'reminder_due',
  'disclosure_expiring',
  'break_glass',
] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

/** Not at all, at once, or in one daily digest (06:00 UTC). */
export const ALERT_MODES = ['off', 'immediate', 'digest'] as const;
export type AlertModeName = (typeof ALERT_MODES)[number];
