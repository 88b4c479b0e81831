import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction } from '../../audit/writer.js';
import { Prisma } from '../../generated/prisma/client.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import { sealText } from '../../crypto/envelope.js';
import type { ServiceContext } from '../../service.js';
import { createPerson } from '../people/service.js';
import { CONSENT_SCOPE_FIELD, JUSTIFICATION_FIELD, checkConsent, consentColumns, type Birth } from './consent.js';
import type { CreateReferralInput } from './schema.js';

/** The field name bound into the concern's ciphertext, with the referral's id (see crypto/envelope.ts). */
export const CONCERN_FIELD = 'referral.concern';

/** An existing person the user may see; otherwise NOT_FOUND at the `personId` field. */
async function readablePerson(ctx: ServiceContext, id: string): Promise<Birth & { id: string }> {
  const person = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id }] },
    select: { id: true, birthDate: true, birthYear: true },
  });
  if (!person) throw new AppError('NOT_FOUND', { entity: { type: 'Person', id }, fields: { personId: 'NOT_FOUND' } });
  return person;
}

/**
 * Logs a concern: about a person the user may see, or a new person registered in the same
 * transaction (so a refusal further on leaves no orphan). The concern text is stored encrypted;
 * the audit event names cohort, source, urgency and categories, never the text.
 *
 * About an existing person it takes two round trips on the plain client (the procedure is
 * `noTransaction`): the access check, then one statement that inserts the row with its audit event.
 */
export async function createReferral(ctx: ServiceContext, input: z.infer<typeof CreateReferralInput>) {
  assertCan(ctx.ability, 'create', 'Referral');
  const now = ctx.clock();
  if (!input.personId) {
    checkConsent(input.consent, input.newPerson!, now);
    return inTransaction(ctx.db, async (db) => {
      const person = await ctx.audit.step('person.create', (audit) => createPerson({ ...ctx, db, audit }, input.newPerson!));
      return insertReferral({ ...ctx, db }, input, person.id, now, true);
    });
  }
  const existing = await readablePerson(ctx, input.personId);
  checkConsent(input.consent, existing, now);
  return insertReferral(ctx, input, existing.id, now, false);
}

/**
 * The referral row and every pending audit event (its own last), in one statement; with the answer, kept
 * there too when the call has an idempotency key (so the answer is made before the row).
 */
async function insertReferral(
  ctx: ServiceContext,
  input: z.infer<typeof CreateReferralInput>,
  personId: string,
  now: Date,
  newPerson: boolean,
) {
  const id = randomUUID();
  const plainConsent = consentColumns(input.consent);
  ctx.audit.subject('Referral', id).detail({
    cohort: input.cohort,
    source: input.source,
    urgency: input.urgency,
    categories: input.concernCategories,
    consentGiven: input.consent.given,
    newPerson,
  });
  const answer = { id, personId, status: 'submitted' as const, submittedAt: now };
  // Under the referral's own key (made here, before its row), bound to the row.
  const owner = { kind: 'referral' as const, id, municipalityId: ctx.user.municipalityId };
  const concern = await sealText(ctx, owner, CONCERN_FIELD, id, input.concernText);
  const sealed = (field: string, words: string | null) => (words ? sealText(ctx, owner, field, id, words) : null);
  const consent = {
    ...plainConsent,
    consentScope: await sealed(CONSENT_SCOPE_FIELD, plainConsent.consentScope),
    legalJustification: await sealed(JUSTIFICATION_FIELD, plainConsent.legalJustification),
  };
  await ctx.audit.appendWith(
    ctx.db,
    Prisma.sql`INSERT INTO referral (id, municipality_id, person_id, referrer_id, referrer_agency_id, cohort, source, concern_categories,
                                    concern_text, urgency, consent_given, consent_by, consent_at, consent_scope, legal_basis,
                                    legal_justification, status, submitted_at)
               VALUES (${id}::uuid, ${ctx.user.municipalityId}::uuid, ${personId}::uuid, ${ctx.user.id}::uuid, ${ctx.user.agencyId}::uuid,
                       ${input.cohort}::"Cohort", ${input.source}::"ReferralSource", ${input.concernCategories}::text[],
                       ${concern}, ${input.urgency}::"Urgency", ${consent.consentGiven},
                       ${consent.consentBy}::"ConsentBy", ${consent.consentAt}::timestamptz, ${consent.consentScope},
                       ${consent.legalBasis}::"LegalBasis", ${consent.legalJustification}, 'submitted', ${now}::timestamptz)
               RETURNING id`,
    answer,
  );
  return answer;
}
