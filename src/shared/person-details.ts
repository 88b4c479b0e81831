/**
 * The optional details of a person that case workers ask for (issue 15), shared by the server's
 * checks and the web's forms. Each is minimal: only what tells namesakes apart or keeps a call safe.
 */

/** Languages a person may speak, as codes (ISO 639): the region's and those of people who arrive there. */
export const LANGUAGES = ['ar', 'fr', 'en', 'zgh', 'ku', 'tr', 'fa', 'so', 'ti', 'am', 'ha', 'es', 'it', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How the person may be reached safely. */
export const SAFE_CHANNELS = [
  'phone_call',
  'text_message',
  'messaging_app',
  'in_person',
  'through_guardian',
  'through_school',
  'do_not_contact',
] as const;
export type SafeChannel = (typeof SAFE_CHANNELS)[number];

/** The oldest estimated age accepted. */
export const MAX_ESTIMATED_AGE = 110;
