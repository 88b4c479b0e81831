import { openText, sealText, type KeyContext, type RecordOwner } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';

/**
 * The encrypted columns of an onward referral; each value is sealed under its record's key (the case's,
 * or the signposted referral's: erasing that record shreds these too), bound to `<field>/<row id>`.
 */
export const ONWARD_FIELDS = {
  summary: 'onward_referral.summary',
  disclosePurpose: 'onward_referral.disclose_purpose',
  interventionTitle: 'onward_referral.intervention_title',
  declineReason: 'onward_referral.decline_reason',
  outcomeNote: 'onward_referral.outcome_note',
} as const;
export type OnwardField = keyof typeof ONWARD_FIELDS;

/** Whose key an onward referral's words are under: its case's, or its signposted referral's. */
export const ownerOf = (r: { caseId: string | null; referralId: string | null }): RecordOwner =>
  r.caseId ? { kind: 'case', id: r.caseId } : { kind: 'referral', id: r.referralId! };

/** Seals `value` for `field` of row `id`; nothing stays null. */
export async function seal(ctx: KeyContext, owner: RecordOwner, field: OnwardField, id: string, value: string | null | undefined) {
  return value ? sealText(ctx, owner, ONWARD_FIELDS[field], id, value) : null;
}

/** Opens `field` of row `id` (ERASED_TEXT once its record was erased). */
export function open(ctx: KeyContext, field: OnwardField, id: string, value: string): Promise<string>;
export function open(ctx: KeyContext, field: OnwardField, id: string, value: string | null): Promise<string | null>;
export function open(ctx: KeyContext, field: OnwardField, id: string, value: string | null) {
  return openText(ctx, ONWARD_FIELDS[field], id, value, `${ONWARD_FIELDS[field]}/${id}`);
}

const name = { select: { id: true, displayName: true } } as const;

/** What the sender's side (case page, referral page) reads of one. */
export const senderSelect = {
  id: true,
  caseId: true,
  referralId: true,
  status: true,
  sentAt: true,
  summary: true,
  shareName: true,
  shareBirthYear: true,
  shareCohort: true,
  discloseSections: true,
  disclosePurposeId: true,
  disclosePurpose: true,
  discloseLegalBasis: true,
  discloseDays: true,
  interventionType: true,
  interventionTypeItemId: true,
  interventionTitle: true,
  answeredAt: true,
  declineReason: true,
  disclosureId: true,
  interventionId: true,
  outcome: true,
  outcomeNote: true,
  outcomeAt: true,
  withdrawnAt: true,
  withdrawReason: true,
  resendOfId: true,
  resentAs: { select: { id: true } },
  agency: { select: { id: true, name: true } },
  sentBy: name,
  answeredBy: name,
} satisfies Prisma.OnwardReferralSelect;
type SenderRow = Prisma.OnwardReferralGetPayload<{ select: typeof senderSelect }>;

/** One onward referral as its sender follows it: every step, the words decrypted. */
export async function senderView(ctx: KeyContext, r: SenderRow) {
  const { resentAs, ...row } = r;
  return {
    ...row,
    summary: await open(ctx, 'summary', r.id, r.summary),
    disclosePurpose: await open(ctx, 'disclosePurpose', r.id, r.disclosePurpose),
    interventionTitle: await open(ctx, 'interventionTitle', r.id, r.interventionTitle),
    declineReason: await open(ctx, 'declineReason', r.id, r.declineReason),
    outcomeNote: await open(ctx, 'outcomeNote', r.id, r.outcomeNote),
    resentAsId: resentAs?.id ?? null,
  };
}

const person = {
  select: { id: true, nameArabic: true, nameLatin: true, birthYear: true, cohort: true },
} as const;

/** What the receiving agency's side reads: the row, and the person only for what the sender shares. */
export const receiverSelect = {
  id: true,
  status: true,
  sentAt: true,
  summary: true,
  shareName: true,
  shareBirthYear: true,
  shareCohort: true,
  discloseSections: true,
  discloseDays: true,
  interventionType: true,
  interventionTypeItemId: true,
  answeredAt: true,
  declineReason: true,
  disclosureId: true,
  interventionId: true,
  outcome: true,
  outcomeNote: true,
  outcomeAt: true,
  agency: { select: { id: true, name: true } },
  sentBy: name,
  answeredBy: name,
  case: { select: { person } },
  referral: { select: { person } },
} satisfies Prisma.OnwardReferralSelect;
type ReceiverRow = Prisma.OnwardReferralGetPayload<{ select: typeof receiverSelect }>;

/**
 * One onward referral as the receiving agency sees it: the sender's words and only the facts about the
 * person that the sender chose to share. No case reference, no case content: the disclosure made on
 * acceptance is what opens the case to them.
 */
export async function receiverView(ctx: KeyContext, r: ReceiverRow) {
  const p = r.case?.person ?? r.referral?.person ?? null;
  return {
    id: r.id,
    status: r.status,
    sentAt: r.sentAt,
    agency: r.agency,
    sentBy: r.sentBy,
    answeredBy: r.answeredBy,
    answeredAt: r.answeredAt,
    summary: await open(ctx, 'summary', r.id, r.summary),
    person: {
      id: r.shareName && p ? p.id : null,
      nameArabic: r.shareName ? (p?.nameArabic ?? null) : null,
      nameLatin: r.shareName ? (p?.nameLatin ?? null) : null,
      birthYear: r.shareBirthYear ? (p?.birthYear ?? null) : null,
      cohort: r.shareCohort ? (p?.cohort ?? null) : null,
    },
    /** What accepting will open to the agency. */
    offers: {
      sections: r.discloseSections,
      days: r.discloseDays,
      intervention: r.interventionType,
      interventionItemId: r.interventionTypeItemId,
    },
    disclosureId: r.disclosureId,
    interventionId: r.interventionId,
    declineReason: await open(ctx, 'declineReason', r.id, r.declineReason),
    outcome: r.outcome,
    outcomeNote: await open(ctx, 'outcomeNote', r.id, r.outcomeNote),
    outcomeAt: r.outcomeAt,
  };
}
