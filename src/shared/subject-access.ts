/**
 * Subject access (issue 14): who asked for the export, how it was released, and the kinds of item a
 * coordinator must review before release. Shared by the server and the web app.
 */

/** Who asked: the person, a guardian (for a minor), or a representative (a lawyer, an advocate). */
export const SUBJECT_ACCESS_REQUESTERS = ['person', 'guardian', 'representative'] as const;
export type SubjectAccessRequester = (typeof SUBJECT_ACCESS_REQUESTERS)[number];

/** How a released export left: handed over in person, or sent (post, secure e-mail). */
export const SUBJECT_ACCESS_METHODS = ['handed_over', 'sent'] as const;
export type SubjectAccessMethod = (typeof SUBJECT_ACCESS_METHODS)[number];

/**
 * What must be reviewed, item by item, before release: restricted notes, and third parties' data
 * (the guardian named on the person's record or a consent, the household's other members, who referred,
 * a panel's minutes and a panel member's dissent, the words minuted on the case's timeline). Each is
 * included or withheld with a reason.
 */
export const REVIEW_KINDS = [
  'restricted_note',
  'guardian',
  'consent_giver',
  'household_member',
  'referrer',
  'minute',
  'dissent',
  'timeline',
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A review item's key: `<kind>:<record id>`. */
export const reviewKey = (kind: ReviewKind, id: string) => `${kind}:${id}`;
