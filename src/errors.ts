import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * Every error a user can meet. Each code maps to a tRPC code here and to a translated message
 * in the web app (`errors.<code>`); the server never sends internals.
 */
export const ERROR_TABLE = {
  BAD_INPUT: 'BAD_REQUEST',
  INVALID_TRANSITION: 'BAD_REQUEST',
  NO_CONSENT: 'BAD_REQUEST',
  // Every failed sign-in (unknown address, wrong password, locked or disabled account): one answer.
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  PASSWORD_CHANGE_REQUIRED: 'FORBIDDEN',
  // Half signed in: the second factor's code is owed before anything else.
  SECOND_FACTOR_REQUIRED: 'FORBIDDEN',
  SECOND_FACTOR_ENROLMENT_REQUIRED: 'FORBIDDEN',
  // A wrong, replayed or expired code (the code step, enrolment, step-up).
  INVALID_CODE: 'BAD_REQUEST',
  // This action wants the second factor proved within the last minutes (auth.stepUp).
  STEP_UP_REQUIRED: 'FORBIDDEN',
  SECOND_FACTOR_ENROLLED: 'CONFLICT',
  WRONG_PASSWORD: 'BAD_REQUEST',
  PASSWORD_TOO_SHORT: 'BAD_REQUEST',
  PASSWORD_TOO_LONG: 'BAD_REQUEST',
  PASSWORD_TOO_COMMON: 'BAD_REQUEST',
  PASSWORD_UNCHANGED: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  AGENCY_NAME_TAKEN: 'CONFLICT',
  AGENCY_REQUIRED: 'BAD_REQUEST',
  AGENCY_INACTIVE: 'BAD_REQUEST',
  CANNOT_DISABLE_SELF: 'BAD_REQUEST',
  CSRF_REJECTED: 'FORBIDDEN',
  ALREADY_SCREENED: 'CONFLICT',
  // An onward referral answered already (accepted or declined): it is answered once.
  ALREADY_ANSWERED: 'CONFLICT',
  // An onward referral withdrawn unanswered (its case moved to another city): nothing is left to answer.
  ONWARD_WITHDRAWN: 'CONFLICT',
  // An idempotency key already used for another request: the form was sent before, with other content.
  ALREADY_SUBMITTED: 'CONFLICT',
  MINUTES_LOCKED: 'CONFLICT',
  MEETING_STARTED: 'CONFLICT',
  MEETING_CANCELLED: 'CONFLICT',
  MEETING_NOT_HELD: 'BAD_REQUEST',
  // Attendance, minutes or a decision for a meeting whose time has not come.
  MEETING_NOT_YET: 'BAD_REQUEST',
  // Break-glass asked again while the first is live: it may not extend itself.
  BREAK_GLASS_LIVE: 'CONFLICT',
  // A reset of this account's second factor is already waiting for its second person.
  FACTOR_RESET_PENDING: 'CONFLICT',
  FACTOR_RESET_NOT_INDEPENDENT: 'FORBIDDEN',
  // A save against an older version of the record: someone else changed it since the form was opened.
  STALE_VERSION: 'CONFLICT',
  // A record merged into another: data.survivorId says where it went (to one who may read both).
  PERSON_MERGED: 'CONFLICT',
  // Merging a pair a coordinator marked "not the same person": take the mark back first.
  PEOPLE_MARKED_DISTINCT: 'CONFLICT',
  // Undo after 30 days, or when the survivor was merged in its turn since (undo that merge first).
  MERGE_UNDO_EXPIRED: 'BAD_REQUEST',
  MERGE_UNDO_BLOCKED: 'CONFLICT',
  // Retention: a legal hold on a case that already has a live one; a hold, move or correction of a record already anonymised.
  ALREADY_HELD: 'CONFLICT',
  CASE_ANONYMISED: 'CONFLICT',
  // Disabling an account that still holds work (data: how many of each kind) without a coordinator's confirmation.
  CASELOAD_LEFT: 'CONFLICT',
  // A handover the receiver may not take (fields.toUserId says why; data.kinds which items).
  HANDOVER_REFUSED: 'BAD_REQUEST',
  // A disclosure a purpose rule forbids (fields name the field and the rule, shared/purposes.ts PURPOSE_RULES).
  PURPOSE_BANNED: 'BAD_REQUEST',
  // Subject access: a released export is locked; release wants every item for review decided; print and
  // download are of the released document only.
  SUBJECT_ACCESS_RELEASED: 'CONFLICT',
  SUBJECT_ACCESS_UNREVIEWED: 'BAD_REQUEST',
  SUBJECT_ACCESS_NOT_RELEASED: 'BAD_REQUEST',
  // The regional hub: a hub holds hub analysts and its admin only, a city never a hub analyst (fields.role).
  ROLE_NOT_FOR_KIND: 'BAD_REQUEST',
  // A city already a member of this hub.
  ALREADY_MEMBER: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type AppErrorCode = keyof typeof ERROR_TABLE;

/** Codes whose refusal is an access decision, audited with outcome "denied". */
export const DENIAL_CODES: ReadonlySet<AppErrorCode> = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'PASSWORD_CHANGE_REQUIRED',
  'WRONG_PASSWORD',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_ENROLMENT_REQUIRED',
  'INVALID_CODE',
  'STEP_UP_REQUIRED',
  // A disclosure refused by a purpose ban: the auditor sees who tried to disclose what to whom.
  'PURPOSE_BANNED',
]);

export interface AppErrorOptions {
  /** Field-level problems for forms: field name to translation key. */
  fields?: Record<string, string>;
  /** What was refused, for the audit event of a denial. */
  entity?: { type: string; id?: string };
  /** Extra safe facts for the client (e.g. when a lock ends). */
  data?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly options: AppErrorOptions;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.options = options;
  }
}

export const notFound = (type: string, id?: string) => new AppError('NOT_FOUND', { entity: { type, id } });
export const forbidden = (type: string, id?: string) => new AppError('FORBIDDEN', { entity: { type, id } });
