import { describe, expect, expectTypeOf, it } from 'vitest';
import * as prisma from '../../src/generated/prisma/enums.js';
import * as shared from '../../src/shared/vocabulary.js';

/** Each shared list and the Prisma enum it mirrors: same values, same order (the order forms and queues use). */
const MIRRORS = {
  Role: shared.ROLES,
  Locale: shared.LOCALES,
  AgencyKind: shared.AGENCY_KINDS,
  Cohort: shared.COHORTS,
  Sex: shared.SEXES,
  Relationship: shared.RELATIONSHIPS,
  ReferralSource: shared.REFERRAL_SOURCES,
  Urgency: shared.URGENCIES,
  ReferralStatus: shared.REFERRAL_STATUSES,
  ReferralCloseReason: shared.REFERRAL_CLOSE_REASONS,
  ConsentBy: shared.CONSENT_BY,
  LegalBasis: shared.LEGAL_BASES,
  CaseStage: shared.CASE_STAGES,
  CaseSection: shared.CASE_SECTIONS,
  NoteSensitivity: shared.NOTE_SENSITIVITIES,
  CaseClosureReason: shared.CASE_CLOSURE_REASONS,
  InterventionType: shared.INTERVENTION_TYPES,
  InterventionStatus: shared.INTERVENTION_STATUSES,
  ReminderKind: shared.REMINDER_KINDS,
  FactorDomain: shared.FACTOR_DOMAINS,
  FactorRating: shared.FACTOR_RATINGS,
  MeetingStatus: shared.MEETING_STATUSES,
  PanelDecision: shared.PANEL_DECISIONS,
  DraftKind: shared.DRAFT_KINDS,
  RetentionRecordType: shared.RETENTION_RECORD_TYPES,
  PurposeCode: shared.PURPOSE_CODES,
  ListKind: shared.LIST_KINDS,
  OnwardStatus: shared.ONWARD_STATUSES,
  TransferSection: shared.TRANSFER_SECTIONS,
  TransferStatus: shared.TRANSFER_STATUSES,
  OnwardOutcome: shared.ONWARD_OUTCOMES,
  AlertKind: shared.ALERT_KINDS,
  AlertMode: shared.ALERT_MODES,
  MunicipalityKind: shared.MUNICIPALITY_KINDS,
} satisfies Partial<Record<keyof typeof prisma, readonly string[]>>;

/** Enums only the server speaks of; a new enum must be put in one of the two lists. */
const SERVER_ONLY = ['AuditOutcome', 'CredentialsSet', 'AuditFlagKind', 'AuditFlagStatus', 'DataKeyOwner'];

describe('the shared vocabulary', () => {
  it.each(Object.entries(MIRRORS))('%s: the shared list is the Prisma enum, in its order', (name, list) => {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every enum of the module is compared, by name
    expect(list).toEqual(Object.values(prisma[name as keyof typeof prisma]));
  });

  it('mirrors every Prisma enum but the server-only ones', () => {
    expect(Object.keys(prisma).sort()).toEqual([...Object.keys(MIRRORS), ...SERVER_ONLY].sort());
  });

  it('has the Prisma enum types, so a value of one is a value of the other', () => {
    expectTypeOf<shared.Role>().toEqualTypeOf<prisma.Role>();
    expectTypeOf<shared.Locale>().toEqualTypeOf<prisma.Locale>();
    expectTypeOf<shared.AgencyKind>().toEqualTypeOf<prisma.AgencyKind>();
    expectTypeOf<shared.Cohort>().toEqualTypeOf<prisma.Cohort>();
    expectTypeOf<shared.Sex>().toEqualTypeOf<prisma.Sex>();
    expectTypeOf<shared.Relationship>().toEqualTypeOf<prisma.Relationship>();
    expectTypeOf<shared.ReferralSource>().toEqualTypeOf<prisma.ReferralSource>();
    expectTypeOf<shared.Urgency>().toEqualTypeOf<prisma.Urgency>();
    expectTypeOf<shared.ReferralStatus>().toEqualTypeOf<prisma.ReferralStatus>();
    expectTypeOf<shared.ReferralCloseReason>().toEqualTypeOf<prisma.ReferralCloseReason>();
    expectTypeOf<shared.ConsentBy>().toEqualTypeOf<prisma.ConsentBy>();
    expectTypeOf<shared.LegalBasis>().toEqualTypeOf<prisma.LegalBasis>();
    expectTypeOf<shared.PurposeCode>().toEqualTypeOf<prisma.PurposeCode>();
    expectTypeOf<shared.CaseStage>().toEqualTypeOf<prisma.CaseStage>();
    expectTypeOf<shared.CaseSection>().toEqualTypeOf<prisma.CaseSection>();
    expectTypeOf<shared.NoteSensitivity>().toEqualTypeOf<prisma.NoteSensitivity>();
    expectTypeOf<shared.CaseClosureReason>().toEqualTypeOf<prisma.CaseClosureReason>();
    expectTypeOf<shared.InterventionType>().toEqualTypeOf<prisma.InterventionType>();
    expectTypeOf<shared.InterventionStatus>().toEqualTypeOf<prisma.InterventionStatus>();
    expectTypeOf<shared.ReminderKind>().toEqualTypeOf<prisma.ReminderKind>();
    expectTypeOf<shared.FactorDomain>().toEqualTypeOf<prisma.FactorDomain>();
    expectTypeOf<shared.FactorRating>().toEqualTypeOf<prisma.FactorRating>();
    expectTypeOf<shared.MeetingStatus>().toEqualTypeOf<prisma.MeetingStatus>();
    expectTypeOf<shared.PanelDecision>().toEqualTypeOf<prisma.PanelDecision>();
    expectTypeOf<shared.DraftKind>().toEqualTypeOf<prisma.DraftKind>();
  });
});
