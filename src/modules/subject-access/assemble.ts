import type { Prisma } from '../../generated/prisma/client.js';
import type { Locale } from '../../shared/vocabulary.js';
import { PERSON_FIELDS } from '../history/read.js';
import { casesOf } from './assemble-cases.js';
import { onwardOf } from './assemble-onward.js';
import { historyAsOf, type Reader, type Staff, staffShown } from './reader.js';
import { type Decisions, Reviewer } from './review.js';
import { concernText, maybe, safeContactOf } from './texts.js';

export interface AssembleOptions {
  decisions: Decisions;
  /** Assemble the released document: items for review go out only when included. */
  released: boolean;
  /** As of the release: nothing recorded after it (null: as of now). */
  asOf: Date | null;
  /**
   * The event at the head of the municipality's audit chain when it was released (null: as of now): the
   * access part lists events up to its place on the chain. Its place, not its id: ids are taken when an event
   * is staged and a call in flight may be linked later with a lower one, which would then join the document.
   */
  asOfEventId: bigint | null;
  /** The document's language: assessment factors are named in it. */
  language: Locale;
  /** Name staff (the reviewer's choice); by default they are shown by role only. */
  staffNames: boolean;
}

/** How many access entries the document lists, newest first (it says when there were more). */
export const ACCESS_LIMIT = 2000;
const GUARDIAN_FIELDS = new Set(['guardianName', 'guardianContact']);

const personSelect = {
  id: true,
  nameArabic: true,
  nameLatin: true,
  birthDate: true,
  birthYear: true,
  birthYearEstimated: true,
  sex: true,
  nationality: true,
  languages: true,
  cohort: true,
  contact: true,
  fatherName: true,
  locality: true,
  governorate: true,
  guardianName: true,
  guardianContact: true,
  safeContact: true,
  createdAt: true,
  anonymisedAt: true,
} satisfies Prisma.PersonSelect;

/** A person is anonymised once retention has destroyed their names (their record stays, for statistics). */
const anonymisedPerson = (p: { nameArabic: string | null; nameLatin: string | null; anonymisedAt: Date | null }) =>
  p.anonymisedAt !== null || (!p.nameArabic && !p.nameLatin);

async function personPart(ctx: Reader, personId: string, reviewer: Reviewer, asOf: Date | null, staff: Staff) {
  const p = await ctx.db.person.findFirstOrThrow({
    where: { id: personId, municipalityId: ctx.user.municipalityId },
    select: personSelect,
  });
  const anonymised = anonymisedPerson(p);
  const history = anonymised ? null : await historyAsOf(ctx, 'Person', [personId], PERSON_FIELDS, asOf, staff);
  const hasGuardian = !anonymised && (p.guardianName || p.guardianContact || history?.some((h) => GUARDIAN_FIELDS.has(h.field)));
  const guardian = hasGuardian ? reviewer.item('guardian', personId, { name: p.guardianName, contact: p.guardianContact }) : null;
  const showGuardian = hasGuardian ? reviewer.included('guardian', personId) : false;
  const { guardianName: _n, guardianContact: _c, safeContact, anonymisedAt, ...details } = p;
  return {
    anonymised,
    anonymisedAt,
    details: anonymised ? null : { ...details, safeContact: await safeContactOf(ctx, personId, safeContact) },
    guardian,
    // The guardian's old values are the guardian's data too: they go out only with the guardian.
    history:
      history?.map((h) => (GUARDIAN_FIELDS.has(h.field) && !showGuardian ? { ...h, from: null, to: null, withheld: true } : h)) ?? null,
  };
}

/**
 * The records merged into the person (hidden duplicates of them): their own details and history are
 * about the same person, so they go out with the person's (an unmerged look-alike never does).
 */
async function mergedPart(ctx: Reader, personId: string, reviewer: Reviewer, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.person.findMany({
    where: { mergedIntoId: personId, municipalityId: ctx.user.municipalityId },
    select: { id: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const parts = [];
  for (const r of rows) parts.push({ id: r.id, ...(await personPart(ctx, r.id, reviewer, asOf, staff)) });
  return parts;
}

async function referralsPart(ctx: Reader, personId: string, reviewer: Reviewer, asOf: Date | null, staff: Staff) {
  const rows = await ctx.db.referral.findMany({
    where: { personId, municipalityId: ctx.user.municipalityId, ...(asOf ? { submittedAt: { lte: asOf } } : {}) },
    select: {
      id: true,
      submittedAt: true,
      source: true,
      cohort: true,
      urgency: true,
      concernCategories: true,
      concernText: true,
      status: true,
      decidedAt: true,
      signpostTo: true,
      closeReason: true,
      decisionReason: true,
      consentGiven: true,
      consentBy: true,
      consentAt: true,
      consentScope: true,
      legalBasis: true,
      legalJustification: true,
      referrer: { select: { id: true, displayName: true, role: true } },
      referrerAgency: { select: { name: true } },
      anonymisedAt: true,
    },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const history = await historyAsOf(
    ctx,
    'Referral',
    rows.map((r) => r.id),
    ['cohort', 'source', 'urgency', 'concernCategories', 'concernCorrection'],
    asOf,
    staff,
  );
  return Promise.all(
    rows.map(async (r) => ({
      anonymisedAt: r.anonymisedAt,
      id: r.id,
      reference: r.id.slice(0, 8).toUpperCase(),
      submittedAt: r.submittedAt,
      source: r.source,
      cohort: r.cohort,
      urgency: r.urgency,
      concernCategories: r.concernCategories,
      concernText: await concernText(ctx, r.id, r.concernText),
      status: r.status,
      decidedAt: r.decidedAt,
      signpostTo: await maybe(ctx, 'referral.signpost_to', r.id, r.signpostTo),
      closeReason: r.closeReason,
      decisionReason: await maybe(ctx, 'referral.decision_reason', r.id, r.decisionReason),
      consent: {
        given: r.consentGiven,
        by: r.consentBy,
        at: r.consentAt,
        scope: await maybe(ctx, 'referral.consent_scope', r.id, r.consentScope),
        legalBasis: r.legalBasis,
        justification: await maybe(ctx, 'referral.legal_justification', r.id, r.legalJustification),
      },
      // Who referred is a third party's data: the coordinator decides (an anonymised referral names nobody).
      referrer: r.anonymisedAt
        ? null
        : reviewer.item('referrer', r.id, { staff: staff(r.referrer), agency: r.referrerAgency?.name ?? null }),
      history: history === null || r.anonymisedAt ? null : history.filter((h) => h.entityId === r.id),
      // A signposted referral's onward referral: what was sent about the person, and to whom.
      onward: await onwardOf(ctx, { referralId: r.id }, asOf),
    })),
  );
}

async function householdPart(ctx: Reader, personId: string, reviewer: Reviewer) {
  const links = await ctx.db.householdMember.findMany({
    where: { municipalityId: ctx.user.municipalityId, household: { members: { some: { personId } } }, personId: { not: personId } },
    select: { relationship: true, person: { select: { id: true, nameArabic: true, nameLatin: true } } },
    orderBy: { personId: 'asc' },
  });
  return links.map((l) =>
    reviewer.item('household_member', l.person.id, {
      nameArabic: l.person.nameArabic,
      nameLatin: l.person.nameLatin,
      relationship: l.relationship,
    }),
  );
}

/** The place on the municipality's chain of the event a release was bounded by (0: the chain was empty). */
async function chainPlace(ctx: Reader, eventId: bigint) {
  const event = await ctx.db.auditEvent.findFirst({
    where: { id: eventId, chain: ctx.user.municipalityId },
    select: { seq: true },
  });
  return event?.seq ?? 0;
}

/**
 * Who accessed the person's records (the person, their referrals and cases), newest first, from the
 * audit log's links: the actor's role and agency, the action, the outcome, when. Never a staff name,
 * an address or a request id.
 */
async function accessPart(ctx: Reader, people: string[], cases: string[], referrals: string[], asOfEventId: bigint | null) {
  const links = await ctx.db.auditEventEntity.findMany({
    where: {
      municipalityId: ctx.user.municipalityId,
      OR: [
        { entityType: 'Person', entityId: { in: people } },
        ...(cases.length ? [{ entityType: 'Case', entityId: { in: cases } }] : []),
        ...(referrals.length ? [{ entityType: 'Referral', entityId: { in: referrals } }] : []),
      ],
      ...(asOfEventId !== null ? { event: { seq: { lte: await chainPlace(ctx, asOfEventId) } } } : {}),
    },
    select: {
      entityType: true,
      event: {
        select: {
          id: true,
          at: true,
          action: true,
          actorRole: true,
          outcome: true,
          actor: { select: { agency: { select: { name: true } } } },
        },
      },
    },
    orderBy: { eventId: 'desc' },
    take: ACCESS_LIMIT * 2,
  });
  const seen = new Set<bigint>();
  const entries = [];
  for (const l of links) {
    if (seen.has(l.event.id)) continue;
    seen.add(l.event.id);
    entries.push({
      at: l.event.at,
      action: l.event.action,
      role: l.event.actorRole,
      agency: l.event.actor?.agency?.name ?? null,
      outcome: l.event.outcome,
      record: l.entityType,
    });
  }
  return { entries: entries.slice(0, ACCESS_LIMIT), more: entries.length > ACCESS_LIMIT };
}

/**
 * Everything held about one person, assembled afresh: details and their history, referrals, cases
 * (notes, assessments, plan and its history, panel decisions, minutes and dissent, disclosures, consents,
 * onward referrals, the timeline with its reasons), household and who accessed the
 * record. Only rows of this person (by id, never by name) of the reader's municipality. The caller has
 * checked the reader's right; `pending` lists the items still to be reviewed.
 */
export async function assemble(ctx: Reader, personId: string, opts: AssembleOptions) {
  const reviewer = new Reviewer(opts.decisions, opts.released);
  const staff = staffShown(opts.staffNames);
  const person = await personPart(ctx, personId, reviewer, opts.asOf, staff);
  const referrals = await referralsPart(ctx, personId, reviewer, opts.asOf, staff);
  const cases = await casesOf(ctx, personId, reviewer, {
    asOf: opts.asOf,
    anonymised: person.anonymised,
    language: opts.language,
    staff,
  });
  const household = person.anonymised ? [] : await householdPart(ctx, personId, reviewer);
  const merged = await mergedPart(ctx, personId, reviewer, opts.asOf, staff);
  const access = await accessPart(
    ctx,
    [personId, ...merged.map((m) => m.id)],
    cases.map((c) => c.id),
    referrals.map((r) => r.id),
    opts.asOfEventId,
  );
  return {
    document: { staffNamed: opts.staffNames, person, merged, referrals, cases, household, access },
    pending: reviewer.pending(),
    reviewItems: [...reviewer.items.keys()],
  };
}

export type SubjectAccessDocument = Awaited<ReturnType<typeof assemble>>['document'];
