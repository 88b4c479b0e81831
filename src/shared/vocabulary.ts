/**
 * The app's words, shared by the server and the web app: each list is one Prisma enum's values in
 * the schema's order (tests/architecture/vocabulary.test.ts holds them equal), or a fixed list that
 * is no enum. This folder imports nothing outside itself, so the browser may load it.
 */

export const ROLES = ['social_worker', 'coordinator', 'agency_practitioner', 'auditor', 'admin', 'hub_analyst'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A city holds casework; a hub (the regional network) holds only its admin, its hub analysts and its own audit chain. */
export const MUNICIPALITY_KINDS = ['city', 'hub'] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export const AGENCY_KINDS = [
  'school',
  'health',
  'youth',
  'ngo',
  'employment',
  'religious_community',
  'police_liaison',
  'social_services',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

// People and referrals.
export const COHORTS = ['youth', 'returnee', 'returnee_family', 'migrant', 'other'] as const;
export type Cohort = (typeof COHORTS)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const RELATIONSHIPS = ['parent', 'child', 'spouse', 'sibling', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Why people.match offers a candidate: the name as typed, another script's or register's spelling of it, or only alike. */
export const MATCH_REASONS = ['same_spelling', 'transliteration', 'similar'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const REFERRAL_SOURCES = ['school', 'family', 'health', 'community', 'police', 'self', 'social_services', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Least urgent first: the screening queue orders by this position. */
export const URGENCIES = ['routine', 'priority', 'immediate_danger'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_STATUSES = ['submitted', 'accepted', 'signposted', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_CLOSE_REASONS = ['not_appropriate', 'insufficient_information', 'mistaken', 'malicious'] as const;
export type ReferralCloseReason = (typeof REFERRAL_CLOSE_REASONS)[number];

export const CONSENT_BY = ['person', 'guardian'] as const;
export type ConsentBy = (typeof CONSENT_BY)[number];

/** What a person may consent to; a disclosure on consent names one of them (consent/coverage.ts). */
export const CONSENT_PURPOSES = [
  'assessment',
  'support_services',
  'panel_review',
  'education',
  'health',
  'follow_up',
  // Sending the case to another member city when the family moves (modules/transfers): asked for on its own.
  'transfer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** How consent was given; `unrecorded` only on consents carried over from a referral. */
/** What a draft is of (drafts of unsent forms, kept on the server for their author). */
export const DRAFT_KINDS = ['referral', 'case_note'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const CONSENT_METHODS = ['verbal', 'written'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number] | 'unrecorded';
/** Who a guardian giving consent is to the person. */
export const CONSENT_RELATIONSHIPS = ['mother', 'father', 'legal_guardian', 'other_relative', 'other'] as const;
export type ConsentRelationship = (typeof CONSENT_RELATIONSHIPS)[number];
/** A consent lasts this many months unless the form says otherwise (at most CONSENT_MAX_MONTHS). */
export const CONSENT_DEFAULT_MONTHS = 12;
export const CONSENT_MAX_MONTHS = 24;
/** The key worker is reminded this many days before a consent expires. */
export const CONSENT_WARNING_DAYS = 14;

/** The shared core code of each purpose on a municipality's list (modules/purposes; rules in shared/purposes.ts). */
export const PURPOSE_CODES = [
  'prevention',
  'safeguarding',
  'support_services',
  'education',
  'health',
  'employment',
  'panel_review',
  'follow_up',
  'criminal_investigation',
  'other',
] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];

export const LEGAL_BASES = ['consent', 'legal_obligation', 'vital_interest', 'public_task'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Legal bases for going on without consent ('consent' itself is the other branch). */
export const LEGAL_BASES_WITHOUT_CONSENT = ['legal_obligation', 'vital_interest', 'public_task'] as const satisfies readonly LegalBasis[];

/** What a concern is about. A fixed list (no enum), so statistics and screening speak the same words. */
export const CONCERN_CATEGORIES = [
  'violent_rhetoric',
  'online_radicalisation',
  'contact_with_extremists',
  'travel_intent',
  'family_concern',
  'school_behaviour',
  'isolation',
  'trauma',
  'hate_incident',
  'other',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/** The lists a municipality keeps in its own words, each item mapped to a core code (shared/lists.ts). */
export const LIST_KINDS = ['cohort', 'concern_category', 'intervention_type', 'closure_reason'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

// Cases.
export const CASE_STAGES = ['intake', 'assessment', 'planning', 'intervention', 'review', 'closed', 'follow_up'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_SECTIONS = ['summary', 'notes', 'plan', 'assessments'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

export const NOTE_SENSITIVITIES = ['standard', 'restricted'] as const;
export type NoteSensitivity = (typeof NOTE_SENSITIVITIES)[number];

export const CASE_CLOSURE_REASONS = [
  'risk_removed',
  'risk_reduced',
  'moved_away',
  'disengaged',
  'referred_elsewhere',
  'other',
  'transferred',
] as const;
export type CaseClosureReason = (typeof CASE_CLOSURE_REASONS)[number];
/** The reasons a coordinator may choose when closing by hand: 'transferred' is set only by an accepted transfer. */
export const MANUAL_CLOSURE_REASONS = CASE_CLOSURE_REASONS.filter((r) => r !== 'transferred') as Exclude<
  CaseClosureReason,
  'transferred'
>[];

export const INTERVENTION_TYPES = [
  'mentoring',
  'education',
  'employment',
  'psychosocial_support',
  'family_support',
  'religious_guidance',
  'health',
  'legal_aid',
  'sport_youth',
  'housing',
  'other',
] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const INTERVENTION_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export const REMINDER_KINDS = [
  'review_overdue',
  'intervention_overdue',
  'task_overdue',
  'screening_overdue',
  'disclosure_expiring',
  'follow_up_due',
  'consent_expiring',
  'break_glass',
  'panel_closure',
  'onward_unanswered',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

// Onward referrals (modules/onward).
export const ONWARD_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type OnwardStatus = (typeof ONWARD_STATUSES)[number];

export const ONWARD_OUTCOMES = ['engaged', 'completed', 'did_not_engage', 'no_longer_needed', 'other'] as const;
export type OnwardOutcome = (typeof ONWARD_OUTCOMES)[number];

// Assessments.
export const FACTOR_DOMAINS = ['engagement', 'intent', 'capability', 'protective'] as const;
export type FactorDomain = (typeof FACTOR_DOMAINS)[number];

export const FACTOR_RATINGS = ['low', 'moderate', 'high', 'present', 'absent', 'unknown'] as const;
export type FactorRating = (typeof FACTOR_RATINGS)[number];

// Panel meetings.
export const MEETING_STATUSES = ['scheduled', 'held', 'approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PANEL_DECISIONS = ['continue', 'adjust_plan', 'escalate', 'close', 'refer_elsewhere'] as const;
export type PanelDecision = (typeof PANEL_DECISIONS)[number];

/** What a retention rule applies to (Prisma enum RetentionRecordType; modules/retention). */
export const RETENTION_RECORD_TYPES = ['referral_closed', 'referral_signposted', 'case_closed'] as const;
export type RetentionRecordType = (typeof RETENTION_RECORD_TYPES)[number];

/** The kinds of alert a user can choose, and how (shared with the web's preferences section). */
export const ALERT_KINDS = [
  'referral_to_screen',
  'assigned',
  'onward_to_answer',
  'reminder_due',
  'disclosure_expiring',
  'break_glass',
  'transfer_to_decide',
] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

/** Not at all, at once, or in one daily digest (06:00 UTC). */
export const ALERT_MODES = ['off', 'immediate', 'digest'] as const;
export type AlertModeName = (typeof ALERT_MODES)[number];

/** What a transfer to another member city sends besides the person's identity (modules/transfers). */
export const TRANSFER_SECTIONS = ['summary', 'plan', 'assessments', 'notes'] as const;
export type TransferSection = (typeof TRANSFER_SECTIONS)[number];
export const TRANSFER_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
