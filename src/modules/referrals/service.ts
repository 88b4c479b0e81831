import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import { openText, openWords } from '../../crypto/envelope.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { keysetPage } from '../../lib/cursor.js';
import { CONSENT_SCOPE_FIELD, JUSTIFICATION_FIELD, consentOf } from './consent.js';
import { DECISION_REASON_FIELD } from './screening.js';
import { CONCERN_FIELD } from './create.js';
import type { ListMineInput } from './schema.js';

/**
 * How a person is shown next to a referral: names as written and birth year, never contact details.
 * A referrer sees this much on their own referrals (it is what they reported) even though referring
 * gives them no access to the person's record (people policy).
 */
export const personDisplaySelect = {
  id: true,
  nameArabic: true,
  nameLatin: true,
  birthYear: true,
  version: true,
} satisfies Prisma.PersonSelect;

const referralSelect = {
  id: true,
  status: true,
  cohort: true,
  cohortItemId: true,
  source: true,
  urgency: true,
  concernCategories: true,
  concernItemIds: true,
  concernText: true,
  consentGiven: true,
  consentBy: true,
  consentAt: true,
  consentScope: true,
  legalBasis: true,
  legalJustification: true,
  submittedAt: true,
  decidedAt: true,
  signpostTo: true,
  closeReason: true,
  decisionReason: true,
  version: true,
  // Retention: an anonymised referral says when and under which rule (modules/retention).
  anonymisedAt: true,
  anonymisedRule: true,
  person: { select: personDisplaySelect },
  referrer: { select: { id: true, displayName: true } },
  referrerAgency: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, displayName: true } },
  case: { select: { id: true, reference: true } },
} satisfies Prisma.ReferralSelect;

/**
 * One referral the user may read (their own, or any of the municipality for a coordinator), with
 * the concern decrypted, the consent block and the decision. Anything else is NOT_FOUND. Audited.
 * The decision's minuted reason is for those who screen: it may name what the coordinator knows
 * from elsewhere (another case, another service), which a referrer has no need to know.
 */
export async function getReferral(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read', 'Referral');
  const row = await ctx.db.referral.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Referral'), { id }] },
    select: referralSelect,
  });
  if (!row) throw notFound('Referral', id);
  const { concernText, consentGiven, consentBy, consentAt, consentScope, legalBasis, legalJustification, ...rest } = row;
  const { decidedAt, decidedBy, signpostTo, closeReason, decisionReason, case: opened, ...referral } = rest;
  // The person shown with it, and the case it opened (its reference), are in their access history too.
  ctx.audit.touched('Person', [row.person.id]).touched('Case', opened ? [opened.id] : []);
  return {
    ...referral,
    concernText: await openText(ctx, CONCERN_FIELD, row.id, concernText),
    consent: consentOf({
      consentGiven,
      consentBy,
      consentAt,
      consentScope: await openWords(ctx, CONSENT_SCOPE_FIELD, row.id, consentScope),
      legalBasis,
      legalJustification: await openWords(ctx, JUSTIFICATION_FIELD, row.id, legalJustification),
    }),
    decision: decidedAt
      ? {
          at: decidedAt,
          by: decidedBy,
          signpostTo,
          closeReason,
          reason: ctx.ability.can('screen', 'Referral') ? await openWords(ctx, DECISION_REASON_FIELD, row.id, decisionReason) : null,
          case: opened,
        }
      : null,
  };
}

const mineSelect = {
  id: true,
  status: true,
  cohort: true,
  cohortItemId: true,
  urgency: true,
  concernCategories: true,
  concernItemIds: true,
  submittedAt: true,
  decidedAt: true,
  signpostTo: true,
  closeReason: true,
  person: { select: personDisplaySelect },
  case: { select: { reference: true } },
} satisfies Prisma.ReferralSelect;

/**
 * "Shared by me": the user's own referrals, newest first, one keyset page at a time, with their
 * status and the decision's outcome (not its minuted reason, and never the concern text).
 */
export async function listMine(ctx: ServiceContext, input: z.infer<typeof ListMineInput>) {
  assertCan(ctx.ability, 'read', 'Referral');
  const after = input.cursor ?? null;
  const rows = await ctx.db.referral.findMany({
    where: {
      AND: [
        accessibleBy(ctx.ability).ofType('Referral'),
        { referrerId: ctx.user.id },
        after ? { OR: [{ submittedAt: { lt: after.at } }, { submittedAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    select: mineSelect,
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const { items, nextCursor } = keysetPage(rows, input.limit, (r) => ({ at: r.submittedAt, id: r.id }));
  ctx.audit
    .touched(
      'Referral',
      items.map((r) => r.id),
    )
    .touched(
      'Person',
      items.map((r) => r.person.id),
    );
  ctx.audit.detail({ count: items.length, page: after ? 'next' : 'first' });
  return {
    items: items.map(({ case: opened, ...r }) => ({ ...r, caseReference: opened?.reference ?? null })),
    nextCursor,
  };
}
