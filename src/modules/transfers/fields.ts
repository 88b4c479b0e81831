import { openText, sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';

/** The free words of a proposal, sealed under the sending case's key and bound to the proposal. */
export const JUSTIFICATION_FIELD = 'case_transfer.justification';
export const DECLINE_REASON_FIELD = 'case_transfer.decline_reason';
/** A copied section, sealed under the receiving case's key and bound to the copy's row. */
export const COPY_FIELD = 'case_transfer_copy.content';

export const sealTransferText = (ctx: ServiceContext, caseId: string, field: string, id: string, words: string) =>
  sealText(ctx, { kind: 'case', id: caseId }, field, id, words);

export const transferSelect = {
  id: true,
  municipalityId: true,
  receivingMunicipalityId: true,
  hubId: true,
  caseId: true,
  sections: true,
  legalBasis: true,
  consentId: true,
  justification: true,
  status: true,
  proposedById: true,
  proposedAt: true,
  decidedById: true,
  decidedAt: true,
  declineReason: true,
  receivingCaseId: true,
} satisfies Prisma.CaseTransferSelect;
export type TransferRow = Prisma.CaseTransferGetPayload<{ select: typeof transferSelect }>;

/** A city's name (a reference to the other side: never more of it). */
export async function cityNames(ctx: ServiceContext, municipalityIds: string[]) {
  const rows = await ctx.db.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { id: true, name: true } });
  return new Map(rows.map((m) => [m.id, m.name]));
}

/** A case's reference, read on the other city's side by its id and city (the only thing of it that crosses). */
export async function caseReference(ctx: ServiceContext, municipalityId: string, caseId: string | null) {
  if (!caseId) return null;
  const c = await ctx.db.case.findFirst({ where: { id: caseId, municipalityId }, select: { reference: true } });
  return c?.reference ?? null;
}

/** The proposal's words opened (the justification, a decline's reason): for both sides' coordinators. */
export async function openWords(ctx: ServiceContext, t: TransferRow) {
  return {
    justification: await openText(ctx, JUSTIFICATION_FIELD, t.id, t.justification, `${JUSTIFICATION_FIELD}/${t.id}`),
    declineReason: await openText(ctx, DECLINE_REASON_FIELD, t.id, t.declineReason, `${DECLINE_REASON_FIELD}/${t.id}`),
  };
}

/** A user's name, by id, whichever city (the coordinator who proposed or answered: a colleague to reach). */
export async function userNames(ctx: ServiceContext, ids: (string | null)[], municipalityIds: string[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await ctx.db.user.findMany({
    where: { id: { in: wanted }, municipalityId: { in: municipalityIds } },
    select: { id: true, displayName: true },
  });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}
