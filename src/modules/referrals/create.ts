import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { createPerson } from '../people/service.js';
import { checkConsent, consentColumns, type Birth } from './consent.js';
import type { CreateReferralInput } from './schema.js';

/** The field name bound into the concern's ciphertext (see crypto/keyring.ts). */
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
 */
export async function createReferral(ctx: ServiceContext, input: z.infer<typeof CreateReferralInput>) {
  assertCan(ctx.ability, 'create', 'Referral');
  const now = ctx.clock();
  const existing = input.personId ? await readablePerson(ctx, input.personId) : null;
  checkConsent(input.consent, existing ?? input.newPerson!, now);
  const personId = existing ? existing.id : (await createPerson(ctx, input.newPerson!)).id;

  const referral = await ctx.db.referral.create({
    data: {
      municipalityId: ctx.user.municipalityId,
      personId,
      referrerId: ctx.user.id,
      referrerAgencyId: ctx.user.agencyId,
      cohort: input.cohort,
      source: input.source,
      concernCategories: input.concernCategories,
      concernText: ctx.keyring.encrypt(input.concernText, CONCERN_FIELD),
      urgency: input.urgency,
      ...consentColumns(input.consent),
      submittedAt: now,
    },
    select: { id: true, personId: true, status: true, submittedAt: true },
  });
  ctx.audit.record({
    action: 'referral.create',
    entityType: 'Referral',
    entityId: referral.id,
    detail: {
      cohort: input.cohort,
      source: input.source,
      urgency: input.urgency,
      categories: input.concernCategories,
      consentGiven: input.consent.given,
      newPerson: !existing,
    },
  });
  return referral;
}
