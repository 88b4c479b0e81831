import type { Reader } from './reader.js';
import { DECLINE_REASON_FIELD, JUSTIFICATION_FIELD } from '../transfers/fields.js';
import { maybe } from './texts.js';

/**
 * The transfers of a case between member cities (modules/transfers): sent from it (this city proposed) or
 * that opened it (another city sent it here). To or from which city, when, which sections, on which legal
 * basis and why, and the answer. The other city's case only by its reference; staff are not named.
 */
export async function transfersOf(ctx: Reader, caseId: string, asOf: Date | null) {
  const upTo = asOf ? { proposedAt: { lte: asOf } } : {};
  const [sent, received] = await Promise.all([
    ctx.db.caseTransfer.findMany({
      where: { caseId, municipalityId: ctx.user.municipalityId, ...upTo },
      orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
    }),
    ctx.db.caseTransfer.findMany({ where: { receivingCaseId: caseId, receivingMunicipalityId: ctx.user.municipalityId, ...upTo } }),
  ]);
  const municipalityIds = [...new Set([...sent.map((t) => t.receivingMunicipalityId), ...received.map((t) => t.municipalityId)])];
  const cities = new Map(
    (await ctx.db.municipality.findMany({ where: { id: { in: municipalityIds } }, select: { id: true, name: true } })).map((m) => [
      m.id,
      m.name,
    ]),
  );
  const by = (at: Date | null) => at !== null && (!asOf || at <= asOf);
  const reference = async (municipalityId: string, id: string | null) =>
    id ? ((await ctx.db.case.findFirst({ where: { id, municipalityId }, select: { reference: true } }))?.reference ?? null) : null;
  const rows = [
    ...sent.map((t) => ({ t, direction: 'sent' as const, city: cities.get(t.receivingMunicipalityId) ?? null })),
    ...received.map((t) => ({ t, direction: 'received' as const, city: cities.get(t.municipalityId) ?? null })),
  ];
  return Promise.all(
    rows.map(async ({ t, direction, city }) => {
      const decided = by(t.decidedAt);
      return {
        id: t.id,
        direction,
        city,
        proposedAt: t.proposedAt,
        status: decided ? t.status : ('proposed' as const),
        decidedAt: decided ? t.decidedAt : null,
        sections: t.sections,
        legalBasis: t.legalBasis,
        justification: await maybe(ctx, JUSTIFICATION_FIELD, t.id, t.justification),
        declineReason: decided ? await maybe(ctx, DECLINE_REASON_FIELD, t.id, t.declineReason) : null,
        otherReference:
          direction === 'sent'
            ? decided
              ? await reference(t.receivingMunicipalityId, t.receivingCaseId)
              : null
            : await reference(t.municipalityId, t.caseId),
      };
    }),
  );
}
