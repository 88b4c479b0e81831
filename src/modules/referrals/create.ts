import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction } from '../../audit/writer.js';
import { Prisma } from '../../generated/prisma/client.js';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import { rawQuery } from '../../db.js';
import { keyNewRecord, sealText } from '../../crypto/envelope.js';
import type { ServiceContext } from '../../service.js';
import { createPerson } from '../people/service.js';
import { itemChosen, itemsChosen, itemsOf } from '../lists/chosen.js';
import { CONSENT_SCOPE_FIELD, JUSTIFICATION_FIELD, checkConsent, consentColumns, type Birth } from './consent.js';
import type { CreateReferralInput } from './schema.js';

/** The field name bound into the concern's ciphertext, with the referral's id (see crypto/envelope.ts). */
export const CONCERN_FIELD = 'referral.concern';

/** An existing person the user may see; otherwise NOT_FOUND at the `personId` field. */
async function readablePerson(ctx: ServiceContext, id: string): Promise<Birth & { id: string }> {
  const person = isWholeTown(ctx)
    ? await townPerson(ctx, id)
    : await ctx.db.person.findFirst({
        where: { AND: [accessibleBy(ctx.ability).ofType('Person'), { id }] },
        select: { id: true, birthDate: true, birthYear: true },
      });
  if (!person) throw new AppError('NOT_FOUND', { entity: { type: 'Person', id }, fields: { personId: 'NOT_FOUND' } });
  return person;
}

/** Whether the compiled read rule is exactly a coordinator's: every person of the town but merged records. */
const isWholeTown = (ctx: ServiceContext) =>
  JSON.stringify(accessibleBy(ctx.ability).ofType('Person')) ===
  JSON.stringify({ OR: [{ municipalityId: ctx.user.municipalityId, mergedIntoId: null }] });

/**
 * That rule as one typed statement: Prisma's query compiler cost more than the lookup itself on every
 * referral (issue 17). Any other rule set takes the Prisma query above.
 */
async function townPerson(ctx: ServiceContext, id: string): Promise<(Birth & { id: string }) | undefined> {
  const [row] = await rawQuery<{ id: string; birth_date: string | null; birth_year: number | null }>(
    ctx.db,
    Prisma.sql`SELECT id::text, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birth_year FROM person
                WHERE id = ${id}::uuid AND municipality_id = ${ctx.user.municipalityId}::uuid AND merged_into_id IS NULL`,
    { prepared: true },
  );
  return row && { id: row.id, birthDate: row.birth_date ? new Date(`${row.birth_date}T00:00:00Z`) : null, birthYear: row.birth_year };
}

/**
 * Logs a concern: about a person the user may see, or a new person registered in the same
 * transaction (so a refusal further on leaves no orphan). The concern text is stored encrypted;
 * the audit event names cohort, source, urgency and categories, never the text.
 *
 * About an existing person it takes two round trips on the plain client (the procedure is
 * `noTransaction`): the access check (beside the lists' lookup), then one statement that inserts the
 * row with its key and its audit event.
 */
export async function createReferral(ctx: ServiceContext, input: z.infer<typeof CreateReferralInput>) {
  assertCan(ctx.ability, 'create', 'Referral');
  const now = ctx.clock();
  if (!input.personId) {
    checkConsent(input.consent, input.newPerson!, now);
    const items = await chosenLists(ctx, input);
    return inTransaction(ctx.db, async (db) => {
      const person = await ctx.audit.step('person.create', (audit) => createPerson({ ...ctx, db, audit }, input.newPerson!));
      return insertReferral({ ...ctx, db }, input, items, person.id, now, true);
    });
  }
  // The lists are read beside the person (items only change by their admin; a retire in between is harmless).
  const [existing, items] = await Promise.all([readablePerson(ctx, input.personId), chosenLists(ctx, input)]);
  checkConsent(input.consent, existing, now);
  return insertReferral(ctx, input, items, existing.id, now, false);
}

/** The cohort and concern-category items chosen, each the municipality's own and live, with their core codes. */
async function chosenLists(ctx: ServiceContext, input: z.infer<typeof CreateReferralInput>) {
  const rows = await itemsOf(ctx, ['cohort', 'concern_category']);
  const cohort = itemChosen(rows, 'cohort', { itemId: input.cohortItemId, code: input.cohort }, 'cohortItemId');
  const concerns = itemsChosen(
    rows,
    'concern_category',
    { itemIds: input.concernItemIds, codes: input.concernCategories },
    'concernItemIds',
  );
  return { cohort, concerns };
}
type ChosenLists = Awaited<ReturnType<typeof chosenLists>>;

/**
 * The referral row and every pending audit event (its own last), in one statement; with the answer, kept
 * there too when the call has an idempotency key (so the answer is made before the row).
 */
async function insertReferral(
  ctx: ServiceContext,
  input: z.infer<typeof CreateReferralInput>,
  items: ChosenLists,
  personId: string,
  now: Date,
  newPerson: boolean,
) {
  const id = randomUUID();
  const plainConsent = consentColumns(input.consent);
  const { cohort, concerns } = items;
  ctx.audit.subject('Referral', id).detail({
    cohort: cohort.code,
    cohortItemId: cohort.itemId,
    source: input.source,
    urgency: input.urgency,
    categories: concerns.codes,
    concernItemIds: concerns.itemIds,
    consentGiven: input.consent.given,
    newPerson,
  });
  const answer = { id, personId, status: 'submitted' as const, submittedAt: now };
  // Under the referral's own key, made here and stored by the statement that writes the row, bound to the row.
  const owner = { kind: 'referral' as const, id, municipalityId: ctx.user.municipalityId };
  const key = keyNewRecord(ctx, owner);
  const concern = await sealText(ctx, owner, CONCERN_FIELD, id, input.concernText);
  const sealed = (field: string, words: string | null) => (words ? sealText(ctx, owner, field, id, words) : null);
  const consent = {
    ...plainConsent,
    consentScope: await sealed(CONSENT_SCOPE_FIELD, plainConsent.consentScope),
    legalJustification: await sealed(JUSTIFICATION_FIELD, plainConsent.legalJustification),
  };
  await ctx.audit.appendWith(
    ctx.db,
    Prisma.sql`INSERT INTO referral (id, municipality_id, person_id, referrer_id, referrer_agency_id, cohort, cohort_item_id, source,
                                    concern_categories, concern_item_ids, concern_text, urgency, consent_given, consent_by, consent_at,
                                    consent_scope, legal_basis, legal_justification, status, submitted_at)
               VALUES (${id}::uuid, ${ctx.user.municipalityId}::uuid, ${personId}::uuid, ${ctx.user.id}::uuid, ${ctx.user.agencyId}::uuid,
                       ${cohort.code}::"Cohort", ${cohort.itemId}::uuid, ${input.source}::"ReferralSource",
                       ${concerns.codes}::text[], ${concerns.itemIds}::uuid[], ${concern}, ${input.urgency}::"Urgency",
                       ${consent.consentGiven},
                       ${consent.consentBy}::"ConsentBy", ${consent.consentAt}::timestamptz, ${consent.consentScope},
                       ${consent.legalBasis}::"LegalBasis", ${consent.legalJustification}, 'submitted', ${now}::timestamptz)
               RETURNING id`,
    answer,
    [key],
  );
  return answer;
}
