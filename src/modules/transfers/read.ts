import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { openText } from '../../crypto/envelope.js';
import type { ServiceContext } from '../../service.js';
import { findCase, ruleSelect, visibleSections } from '../cases/access.js';
import { matchPeople } from '../people/service.js';
import { assertReceives, incoming } from './decide.js';
import { COPY_FIELD, type TransferRow, caseReference, cityNames, openWords, transferSelect, userNames } from './fields.js';

/** The sending side's view: everything of its own proposal, and the receiving case only by its reference. */
async function sendingViews(ctx: ServiceContext, rows: TransferRow[]) {
  const cities = await cityNames(ctx, [...new Set(rows.map((t) => t.receivingMunicipalityId))]);
  const towns = [ctx.user.municipalityId, ...rows.map((t) => t.receivingMunicipalityId)];
  const people = await userNames(
    ctx,
    rows.flatMap((t) => [t.proposedById, t.decidedById]),
    towns,
  );
  return Promise.all(
    rows.map(async (t) => ({
      id: t.id,
      status: t.status,
      city: cities.get(t.receivingMunicipalityId) ?? null,
      sections: t.sections,
      legalBasis: t.legalBasis,
      consentId: t.consentId,
      ...(await openWords(ctx, t)),
      proposedAt: t.proposedAt,
      proposedBy: people.get(t.proposedById) ?? null,
      decidedAt: t.decidedAt,
      decidedBy: t.decidedById ? (people.get(t.decidedById) ?? null) : null,
      receivingReference: await caseReference(ctx, t.receivingMunicipalityId, t.receivingCaseId),
    })),
  );
}

/** Sending coordinator: the transfers of a case, newest first. */
export async function caseTransfers(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'transferCity', { id: true });
  assertCan(ctx.ability, 'read', 'CaseTransfer');
  const rows = await ctx.db.caseTransfer.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('CaseTransfer'), { caseId: c.id }] },
    select: transferSelect,
    orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }],
  });
  ctx.audit.detail({ transfers: rows.length });
  return sendingViews(ctx, rows);
}

/**
 * What the receiving city's coordinators see to decide, before any section's content: the sending city and
 * its case's reference, the person's cohort, which sections would come, the legal basis (with its
 * justification, or the consent's dates), who proposed it and when. No name, no summary, no note.
 */
async function receivingViews(ctx: ServiceContext, rows: TransferRow[]) {
  const cities = await cityNames(ctx, [...new Set(rows.map((t) => t.municipalityId))]);
  const people = await userNames(
    ctx,
    rows.flatMap((t) => [t.proposedById, t.decidedById]),
    [ctx.user.municipalityId, ...rows.map((t) => t.municipalityId)],
  );
  return Promise.all(
    rows.map(async (t) => {
      const sending = await ctx.db.case.findFirst({
        where: { id: t.caseId, municipalityId: t.municipalityId },
        select: { reference: true, cohort: true },
      });
      const consent = t.consentId
        ? await ctx.db.consent.findFirst({
            where: { id: t.consentId, municipalityId: t.municipalityId },
            select: { givenAt: true, expiresAt: true },
          })
        : null;
      return {
        id: t.id,
        status: t.status,
        city: cities.get(t.municipalityId) ?? null,
        sendingReference: sending?.reference ?? null,
        cohort: sending?.cohort ?? null,
        sections: t.sections,
        legalBasis: t.legalBasis,
        consent,
        ...(await openWords(ctx, t)),
        proposedAt: t.proposedAt,
        proposedBy: people.get(t.proposedById) ?? null,
        decidedAt: t.decidedAt,
        decidedBy: t.decidedById ? (people.get(t.decidedById) ?? null) : null,
        receivingCaseId: t.receivingCaseId,
        receivingReference: await caseReference(ctx, ctx.user.municipalityId, t.receivingCaseId),
      };
    }),
  );
}

/** Receiving coordinator: the proposals to their city, open ones (or, with `decided`, the answered ones). */
export async function transferInbox(ctx: ServiceContext, input: { decided: boolean }) {
  assertReceives(ctx);
  const rows = await ctx.db.caseTransfer.findMany({
    where: {
      receivingMunicipalityId: ctx.user.municipalityId,
      status: input.decided ? { in: ['accepted', 'declined', 'withdrawn'] } : 'proposed',
    },
    select: transferSelect,
    orderBy: [{ proposedAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  ctx.audit.detail({ transfers: rows.length });
  return receivingViews(ctx, rows);
}

/** Receiving coordinator: one proposal to their city. */
export async function readTransfer(ctx: ServiceContext, id: string) {
  const t = await incoming(ctx, id);
  return (await receivingViews(ctx, [t]))[0]!;
}

/**
 * Receiving coordinator: the receiving city's own people who may be the person of an open proposal, found
 * by the identity sent (people.match, under the user's own rules): the coordinator chooses one of them or a
 * new record. The sending city's record itself is never shown before acceptance.
 */
export async function transferMatches(ctx: ServiceContext, id: string) {
  const t = await incoming(ctx, id);
  if (t.status !== 'proposed') return [];
  const c = await ctx.db.case.findFirst({
    where: { id: t.caseId, municipalityId: t.municipalityId },
    select: { person: { select: { nameArabic: true, nameLatin: true, birthYear: true } } },
  });
  const name = c?.person.nameArabic ?? c?.person.nameLatin;
  if (!name) return [];
  const found = await matchPeople(ctx, { name, birthYear: c?.person.birthYear ?? undefined });
  return found.flatMap((m) => (m.restricted ? [] : [{ score: m.score, person: m.person }]));
}

/**
 * A receiving case's sections as the transfer brought them, each to those who may read that section of the
 * case (the same rules as the case page; identity is the person's own page).
 */
export async function receivedSections(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'read', ruleSelect);
  const may: readonly string[] = visibleSections(ctx, c);
  const rows = await ctx.db.caseTransferCopy.findMany({
    where: { caseId: c.id, municipalityId: c.municipalityId },
    select: { id: true, section: true, content: true, transferId: true },
    orderBy: { section: 'asc' },
  });
  const shown = rows.filter((r) => may.includes(r.section));
  ctx.audit.detail({ sections: shown.map((r) => r.section) });
  return Promise.all(
    shown.map(async (r) => ({
      section: r.section,
      transferId: r.transferId,
      content: JSON.parse(await openText(ctx, COPY_FIELD, r.id, r.content, `${COPY_FIELD}/${r.id}`)) as unknown,
    })),
  );
}
