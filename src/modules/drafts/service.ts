import { rawQuery, type DbClient } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import { accessibleBy } from '../../auth/casl.js';
import { forbidden, notFound } from '../../errors.js';
import { CASE_WORKER_ROLES, hasRole } from '../../shared/roles.js';
import type { ServiceContext } from '../../service.js';
import { findCase } from '../cases/access.js';
import type { DraftFieldValues, SaveDraft } from './schema.js';

/** The field bound into a draft's ciphertext, with the draft's id: a body copied to another row does not decrypt. */
export const DRAFT_FIELD = 'draft.body';
const bodyField = (id: string) => `${DRAFT_FIELD}/${id}`;

/** More than anyone leaves unsent; the list is a reminder, not an archive. */
const MAX_LISTED = 50;
/** Characters of the typed text the list shows, so its author knows which draft is which. */
const PREVIEW = 80;

/**
 * Drafts are not under CASL: their one rule is the author, whatever the role and whatever else the
 * author may read. Not the admin, the auditor or the coordinator: someone else's draft is NOT_FOUND,
 * exactly as one that never existed, and so is one's own once it has expired (the sweep deletes it).
 */
function mine(ctx: ServiceContext) {
  return {
    authorId: ctx.user.id,
    municipalityId: ctx.user.municipalityId,
    expiresAt: { gt: ctx.clock() },
  } satisfies Prisma.DraftWhereInput;
}

/** Only the roles that write referrals and case notes keep drafts of them. */
function assertDrafter(ctx: ServiceContext, id?: string) {
  if (!hasRole(CASE_WORKER_ROLES, ctx.user.role)) throw forbidden('Draft', id);
}

const open = (ctx: ServiceContext, id: string, body: string): DraftFieldValues => JSON.parse(ctx.keyring.decrypt(body, bodyField(id)));

/** What the list shows of a draft: the start of its main text (the concern, the note). */
function previewOf(fields: DraftFieldValues) {
  const main = fields.concernText ?? fields.body;
  return typeof main === 'string' ? main.slice(0, PREVIEW) : '';
}

/**
 * Saves what a form holds, under the id the browser chose: the first save makes the draft, the next
 * ones replace its fields and move its expiry (the municipality's draftDays after this save). One
 * statement: a save of someone else's id, another kind or case, or an expired draft changes nothing
 * and is NOT_FOUND. A note's draft needs a case the user may write notes on. The audit event names
 * the draft and its case, never what was typed.
 */
export async function saveDraft(ctx: ServiceContext, input: SaveDraft) {
  assertDrafter(ctx, input.id);
  if (input.caseId) await findCase(ctx, input.caseId, 'write:notes', { id: true });
  const now = ctx.clock();
  const body = ctx.keyring.encrypt(JSON.stringify(input.fields), bodyField(input.id));
  const [row] = await rawQuery<{ id: string; updatedAt: Date; expiresAt: Date }>(
    ctx.db,
    Prisma.sql`
    INSERT INTO draft AS d (id, municipality_id, author_id, kind, case_id, body, created_at, updated_at, expires_at)
    SELECT ${input.id}::uuid, m.id, ${ctx.user.id}::uuid, ${input.kind}::"DraftKind", ${input.caseId ?? null}::uuid, ${body},
           ${now}, ${now}, ${now}::timestamptz + m.draft_days * interval '1 day'
      FROM municipality m WHERE m.id = ${ctx.user.municipalityId}::uuid
    ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at
     WHERE d.author_id = EXCLUDED.author_id AND d.municipality_id = EXCLUDED.municipality_id AND d.kind = EXCLUDED.kind
       AND d.case_id IS NOT DISTINCT FROM EXCLUDED.case_id AND d.expires_at > EXCLUDED.updated_at
    RETURNING d.id, d.updated_at AS "updatedAt", d.expires_at AS "expiresAt"`,
  );
  if (!row) throw notFound('Draft', input.id);
  ctx.audit.subject('Draft', row.id).detail({ kind: input.kind, caseId: input.caseId ?? null });
  return row;
}

/** My drafts, last saved first: what each is, the case of a note (its reference when I may still read the case), the start of its text. */
export async function listDrafts(ctx: ServiceContext) {
  assertDrafter(ctx);
  const rows = await ctx.db.draft.findMany({
    where: mine(ctx),
    select: { id: true, kind: true, caseId: true, body: true, updatedAt: true, expiresAt: true },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: MAX_LISTED,
  });
  const caseIds = [...new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const cases = caseIds.length
    ? await ctx.db.case.findMany({
        where: { AND: [accessibleBy(ctx.ability).ofType('Case'), { id: { in: caseIds } }] },
        select: { id: true, reference: true },
      })
    : [];
  const reference = new Map(cases.map((c) => [c.id, c.reference]));
  ctx.audit.detail({ count: rows.length, draftIds: rows.map((r) => r.id) });
  return rows.map(({ body, ...r }) => ({
    ...r,
    caseReference: r.caseId ? (reference.get(r.caseId) ?? null) : null,
    preview: previewOf(open(ctx, r.id, body)),
  }));
}

/** One of my drafts, with its fields, to fill its form again. */
export async function getDraft(ctx: ServiceContext, id: string) {
  assertDrafter(ctx, id);
  const row = await ctx.db.draft.findFirst({
    where: { AND: [mine(ctx), { id }] },
    select: { id: true, kind: true, caseId: true, body: true, updatedAt: true, expiresAt: true },
  });
  if (!row) throw notFound('Draft', id);
  ctx.audit.subject('Draft', id).detail({ kind: row.kind, caseId: row.caseId });
  const { body, ...rest } = row;
  return { ...rest, fields: open(ctx, id, body) };
}

/** Deletes one of my drafts: discarded from "my work", or sent (the form deletes its draft once the record is made). */
export async function discardDraft(ctx: ServiceContext, id: string) {
  assertDrafter(ctx, id);
  const { count } = await ctx.db.draft.deleteMany({ where: { AND: [mine(ctx), { id }] } });
  if (count === 0) throw notFound('Draft', id);
  ctx.audit.subject('Draft', id);
  return { ok: true as const };
}

/** The sweep: deletes every draft past its expiry. Returns how many. */
export async function purgeDrafts(db: DbClient, now: Date) {
  const { count } = await db.draft.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
