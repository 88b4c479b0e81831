import { z } from 'zod';
import { cursorField, cursorId, cursorInstant } from '../../lib/cursor.js';
import { instant, text } from '../../lib/text.js';
import {
  COHORTS,
  CONCERN_CATEGORIES,
  CONSENT_BY,
  LEGAL_BASES_WITHOUT_CONSENT,
  REFERRAL_CLOSE_REASONS,
  REFERRAL_SOURCES,
  URGENCIES,
} from '../../shared/vocabulary.js';
import { CreatePersonInput } from '../people/schema.js';
import { Summary } from '../onward/schema.js';

const Consent = z.discriminatedUnion('given', [
  z.object({
    given: z.literal(true),
    by: z.enum(CONSENT_BY),
    at: instant(),
    scope: text().min(3).max(500),
  }),
  z.object({
    given: z.literal(false),
    legalBasis: z.enum(LEGAL_BASES_WITHOUT_CONSENT),
    justification: text().min(20).max(2000),
  }),
]);
export type ConsentInput = z.infer<typeof Consent>;

/**
 * A concern about a person, either one already registered (`personId`) or a new one (`newPerson`).
 * Rules that need the clock or the database (a minor's consent, a consent date in the future) are
 * checked by the service.
 */
export const CreateReferralInput = z
  .object({
    personId: z.uuid().optional(),
    newPerson: CreatePersonInput.optional(),
    cohort: z.enum(COHORTS),
    /** The municipality's cohort item chosen (modules/lists): when given, `cohort` is taken from it. */
    cohortItemId: z.uuid().optional(),
    source: z.enum(REFERRAL_SOURCES),
    concernCategories: z
      .array(z.enum(CONCERN_CATEGORIES))
      .min(1)
      .max(CONCERN_CATEGORIES.length)
      .transform((list) => [...new Set(list)]),
    /** The municipality's concern-category items chosen: when given, `concernCategories` are taken from them. */
    concernItemIds: z.array(z.uuid()).min(1).max(50).optional(),
    concernText: text().min(10).max(10_000),
    urgency: z.enum(URGENCIES),
    consent: Consent,
  })
  .superRefine((input, ctx) => {
    // Exactly one way to name the person; "required" is what the form shows when neither is there.
    if (!input.personId && !input.newPerson) {
      ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['personId'], message: 'required' });
    }
    if (input.personId && input.newPerson) {
      ctx.addIssue({ code: 'custom', path: ['newPerson'], message: 'either_person_or_new_person' });
    }
  });

const Limit = z.number().int().min(1).max(100).default(25);
/** The sort key of the last row of a page, where the next page starts (the queue sorts by urgency first). */
const Position = z.strictObject({ urgency: z.enum(URGENCIES).optional(), at: cursorInstant, id: cursorId });
export type Position = z.output<typeof Position>;
/** An opaque keyset cursor from the previous page's `nextCursor`. */
const Cursor = cursorField(Position).optional();

export const ListMineInput = z.object({ cursor: Cursor, limit: Limit }).default({ limit: 25 });
export const QueueInput = z.object({ cursor: Cursor, limit: Limit }).default({ limit: 25 });

export const ReferralIdInput = z.object({ id: z.uuid() });

const Reason = text().min(10).max(2000);

export const ScreenReferralInput = z.discriminatedUnion('decision', [
  z.object({ id: z.uuid(), decision: z.literal('accept') }),
  // Signposting is an onward referral (modules/onward) to an agency of the directory, which answers it;
  // `summary` and the shares are what that agency is told. Older rows keep their free-text `signpostTo`.
  Summary.extend({ id: z.uuid(), decision: z.literal('signpost'), agencyId: z.uuid(), reason: Reason }),
  z.object({ id: z.uuid(), decision: z.literal('close'), closeReason: z.enum(REFERRAL_CLOSE_REASONS), reason: Reason }),
]);
