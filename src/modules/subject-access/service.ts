import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { assemble } from './assemble.js';
import { type ReviewState, digestOf, parseReview, reviewJson } from './review.js';
import { decisionsText, requesterText, sealDecisions, sealRequester } from './texts.js';
import type { DocumentInput, PrepareInput, ReleaseInput, ReviewInput } from './schema.js';

const requestSelect = {
  id: true,
  personId: true,
  requestedBy: true,
  requesterName: true,
  language: true,
  createdAt: true,
  decisions: true,
  version: true,
  releasedAt: true,
  releaseMethod: true,
  asOfEventId: true,
  digest: true,
  preparedById: true,
  releasedById: true,
} satisfies Prisma.SubjectAccessRequestSelect;
type RequestRow = Prisma.SubjectAccessRequestGetPayload<{ select: typeof requestSelect }>;

/** The person, if the user may run subject access on them; NOT_FOUND otherwise (FORBIDDEN for other roles). */
async function personFor(ctx: ServiceContext, personId: string) {
  assertCan(ctx.ability, 'subjectAccess', 'Person');
  const person = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'subjectAccess').ofType('Person'), { id: personId }] },
    select: { id: true },
  });
  if (!person) throw notFound('Person', personId);
  return person;
}

/** One request of that person; a request of another person or municipality is NOT_FOUND alike. */
async function requestFor(ctx: ServiceContext, input: { personId: string; id: string }) {
  await personFor(ctx, input.personId);
  const row = await ctx.db.subjectAccessRequest.findFirst({
    where: { id: input.id, personId: input.personId, municipalityId: ctx.user.municipalityId },
    select: requestSelect,
  });
  if (!row) throw notFound('SubjectAccessRequest', input.id);
  ctx.audit.detail({ requestId: row.id });
  return row;
}

async function reviewOf(ctx: ServiceContext, r: RequestRow): Promise<ReviewState> {
  return parseReview(await decisionsText(ctx, r.id, r.decisions));
}

async function namesOf(ctx: ServiceContext, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  const users = await ctx.db.user.findMany({
    where: { id: { in: wanted }, municipalityId: ctx.user.municipalityId },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** What a page shows of a request: who asked, in which language, who prepared and released it, and how. */
async function present(ctx: ServiceContext, r: RequestRow, names: Map<string, string>) {
  return {
    id: r.id,
    personId: r.personId,
    requestedBy: r.requestedBy,
    requesterName: await requesterText(ctx, r.id, r.requesterName),
    language: r.language,
    createdAt: r.createdAt,
    preparedBy: names.get(r.preparedById) ?? null,
    version: r.version,
    status: r.releasedAt ? ('released' as const) : ('in_review' as const),
    releasedAt: r.releasedAt,
    releasedBy: r.releasedById ? (names.get(r.releasedById) ?? null) : null,
    releaseMethod: r.releaseMethod,
  };
}

/** `subjectAccess.list`: the person's requests, newest first. */
export async function listRequests(ctx: ServiceContext, personId: string) {
  await personFor(ctx, personId);
  const rows = await ctx.db.subjectAccessRequest.findMany({
    where: { personId, municipalityId: ctx.user.municipalityId },
    select: requestSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => [r.preparedById, r.releasedById]),
  );
  ctx.audit.detail({ count: rows.length });
  return Promise.all(rows.map((r) => present(ctx, r, names)));
}

/** `subjectAccess.prepare`: records who asked and in which language; the document is assembled on view. */
export async function prepareRequest(ctx: ServiceContext, input: z.infer<typeof PrepareInput>) {
  await personFor(ctx, input.personId);
  const id = randomUUID();
  await ctx.db.subjectAccessRequest.create({
    data: {
      id,
      municipalityId: ctx.user.municipalityId,
      personId: input.personId,
      requestedBy: input.requestedBy,
      requesterName: await sealRequester(ctx, input.personId, id, input.requesterName),
      language: input.language,
      preparedById: ctx.user.id,
      createdAt: ctx.clock(),
    },
    select: { id: true },
  });
  ctx.audit.detail({ requestId: id, language: input.language, requestedBy: input.requestedBy });
  return { id };
}

/** The document of a request: as of its release once released (items for review only if included), else as of now. */
async function documentOf(ctx: ServiceContext, r: RequestRow, released: boolean) {
  return assemble(ctx, r.personId, {
    ...(await reviewOf(ctx, r)),
    released,
    asOf: r.releasedAt,
    asOfEventId: r.asOfEventId,
    language: r.language,
  });
}

/** Records that the view showed the person's cases, referrals and household members (their access history). */
function touched(ctx: ServiceContext, doc: Awaited<ReturnType<typeof assemble>>['document']) {
  ctx.audit
    .touched(
      'Case',
      doc.cases.map((c) => c.id),
    )
    .touched(
      'Referral',
      doc.referrals.map((r) => r.id),
    )
    .touched('Person', [
      ...doc.merged.map((m) => m.id),
      ...doc.household.flatMap((m) => (m.content ? [m.review.slice(m.review.indexOf(':') + 1)] : [])),
    ]);
}

/**
 * `subjectAccess.get`: the request and its document for the coordinator's review: every item with its
 * content and decision (a released request: the released document, and whether it still assembles
 * the same as when it was released).
 */
export async function viewRequest(ctx: ServiceContext, input: { personId: string; id: string }) {
  const r = await requestFor(ctx, input);
  const released = r.releasedAt !== null;
  const { document, pending, reviewItems } = await documentOf(ctx, r, released);
  const names = await namesOf(ctx, [r.preparedById, r.releasedById]);
  touched(ctx, document);
  ctx.audit.detail({ pending: pending.length, released });
  return {
    request: await present(ctx, r, names),
    municipality: await municipalityName(ctx),
    document,
    pending,
    reviewItems: reviewItems.length,
    unchanged: released ? digestOf(document) === r.digest : null,
  };
}

const assertOpen = (r: RequestRow, version: number) => {
  if (r.releasedAt) throw new AppError('SUBJECT_ACCESS_RELEASED', { entity: { type: 'SubjectAccessRequest', id: r.id } });
  if (r.version !== version) throw new AppError('CONFLICT', { fields: { version: 'stale' } });
};

/** Saves the request's decisions and bumps its version, if nobody saved it since (else CONFLICT). */
async function saveDecisions(
  ctx: ServiceContext,
  r: RequestRow,
  review: ReviewState,
  extra: Prisma.SubjectAccessRequestUpdateManyMutationInput = {},
) {
  const json = reviewJson(review);
  const { count } = await ctx.db.subjectAccessRequest.updateMany({
    where: { id: r.id, municipalityId: ctx.user.municipalityId, version: r.version, releasedAt: null },
    data: {
      // Nothing decided: nothing to seal (an anonymised person's key takes no new text).
      decisions: json === null ? null : await sealDecisions(ctx, r.personId, r.id, json),
      version: { increment: 1 },
      ...extra,
    },
  });
  if (count !== 1) throw new AppError('CONFLICT', { fields: { version: 'stale' } });
}

/**
 * `subjectAccess.review`: the coordinator's decisions on items marked for review: include, or withhold
 * with a reason. Only items of this document; a released request is locked.
 */
export async function reviewRequest(ctx: ServiceContext, input: z.infer<typeof ReviewInput>) {
  const r = await requestFor(ctx, input);
  assertOpen(r, input.version);
  const { reviewItems } = await documentOf(ctx, r, false);
  const known = new Set(reviewItems);
  const unknown = input.decisions.findIndex((d) => !known.has(d.key));
  if (unknown >= 0) throw new AppError('BAD_INPUT', { fields: { [`decisions.${unknown}.key`]: 'NOT_FOUND' } });
  const before = await reviewOf(ctx, r);
  const decisions = { ...before.decisions };
  for (const d of input.decisions) decisions[d.key] = { include: d.include, reason: d.include ? null : (d.reason ?? null) };
  const staffNames = input.staffNames ?? before.staffNames;
  await saveDecisions(ctx, r, { decisions, staffNames });
  const values = Object.values(decisions);
  ctx.audit.detail({
    decided: input.decisions.length,
    included: values.filter((d) => d.include).length,
    withheld: values.filter((d) => !d.include).length,
    staffNames,
  });
  return { version: r.version + 1, pending: reviewItems.filter((k) => !decisions[k]).length };
}

/**
 * `subjectAccess.release`: once every item for review is decided, records who released it, when and
 * how, bounds it to what was held then (the audit log's last event) and keeps the released document's
 * fingerprint. Locked after: no more review, no second release.
 */
export async function releaseRequest(ctx: ServiceContext, input: z.infer<typeof ReleaseInput>) {
  const r = await requestFor(ctx, input);
  assertOpen(r, input.version);
  const review = await reviewOf(ctx, r);
  const { pending } = await documentOf(ctx, r, false);
  if (pending.length) throw new AppError('SUBJECT_ACCESS_UNREVIEWED', { data: { pending: pending.length } });
  const now = ctx.clock();
  // Bounded by the chain's head as this transaction sees it: every event up to it is linked and visible here,
  // and whatever is linked later takes a later place, so the document reassembles the same (assemble.ts).
  const head = await ctx.db.auditChainHead.findUnique({ where: { chain: ctx.user.municipalityId }, select: { seq: true } });
  const last = head
    ? await ctx.db.auditEvent.findFirst({ where: { chain: ctx.user.municipalityId, seq: head.seq }, select: { id: true } })
    : null;
  const asOfEventId = last?.id ?? 0n;
  const { document } = await assemble(ctx, r.personId, { ...review, released: true, asOf: now, asOfEventId, language: r.language });
  const digest = digestOf(document);
  await saveDecisions(ctx, r, review, { releasedAt: now, releasedById: ctx.user.id, releaseMethod: input.method, asOfEventId, digest });
  ctx.audit.detail({
    method: input.method,
    digest,
    withheld: Object.values(review.decisions).filter((d) => !d.include).length,
    staffNames: review.staffNames,
  });
  return { releasedAt: now, digest };
}

/**
 * `subjectAccess.document`: the released document, for the printed page (in the person's language) or
 * the JSON file: items for review only if included, withheld ones with their reason. Before release:
 * SUBJECT_ACCESS_NOT_RELEASED (nothing unreviewed leaves).
 */
export async function releasedDocument(ctx: ServiceContext, input: z.infer<typeof DocumentInput>) {
  const r = await requestFor(ctx, input);
  if (!r.releasedAt) throw new AppError('SUBJECT_ACCESS_NOT_RELEASED');
  const { document } = await documentOf(ctx, r, true);
  const names = await namesOf(ctx, [r.preparedById, r.releasedById]);
  touched(ctx, document);
  const digest = digestOf(document);
  ctx.audit.detail({ format: input.format, digest });
  const { version: _v, ...request } = await present(ctx, r, names);
  return {
    format: 'jisr.subject-access/1' as const,
    request,
    municipality: await municipalityName(ctx),
    digest,
    unchanged: digest === r.digest,
    generatedAt: ctx.clock(),
    ...document,
  };
}

const municipalityName = async (ctx: ServiceContext) =>
  (await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: { name: true } })).name;
