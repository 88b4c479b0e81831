import { linkBeforeReading } from '../../audit/chainer.js';
import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError } from '../../errors.js';
import { chainOf } from '../../audit/hash.js';
import type { ServiceContext } from '../../service.js';
import { flagOut, flagSelect } from './flags.js';
import { eventSelect } from './service.js';
import type { FlagIdInput, ReviewFlagInput } from './schema.js';
import { readableGrants } from '../cases/break-glass-justification.js';

/** The review note's field: bound to its flag too (`<field>/<flag id>`), so a note copied to another flag does not decrypt. */
export const REVIEW_NOTE_FIELD = 'audit_flag.review_note';
const noteAad = (flagId: string) => `${REVIEW_NOTE_FIELD}/${flagId}`;

/** How many of a flag's events its page shows (the newest); the log's filters reach the rest. */
const EVENTS_SHOWN = 200;

/** One flag of the auditor's municipality, or NOT_FOUND: another town's flag is indistinguishable from none. */
async function findFlag(ctx: ServiceContext, id: string, action: 'read' | 'review') {
  assertCan(ctx.ability, action, 'AuditFlag');
  const flag = await ctx.db.auditFlag.findFirst({
    where: { AND: [accessibleBy(ctx.ability, action).ofType('AuditFlag'), { id }] },
    select: { ...flagSelect, reviewNote: true, municipalityId: true },
  });
  if (!flag) throw new AppError('NOT_FOUND', { entity: { type: 'AuditFlag', id } });
  return flag;
}

/** A break-glass flag's grant as its reviewer sees it (with the justification), or null for any other flag. */
async function grantOf(ctx: ServiceContext, flag: { kind: string; detail: unknown }) {
  const id = flag.kind === 'break_glass' ? (flag.detail as { breakGlassId?: unknown } | null)?.breakGlassId : undefined;
  return typeof id === 'string' ? ((await readableGrants(ctx, [id])).get(id) ?? null) : null;
}

/**
 * An auditor opens a flag: what raised it (the events, newest first, as the log shows them) and its
 * review, with the note decrypted; a break-glass flag, with its grant's length and justification.
 * Audited with the flag as its record (and whether a justification was shown).
 */
export async function getFlag(ctx: ServiceContext, input: z.infer<typeof FlagIdInput>) {
  await linkBeforeReading(ctx.db);
  const { reviewNote, municipalityId, ...flag } = await findFlag(ctx, input.id, 'read');
  const linked = await ctx.db.auditFlagEvent.findMany({
    where: { flagId: flag.id, municipalityId },
    select: { seq: true },
    orderBy: { seq: 'desc' },
    take: EVENTS_SHOWN,
  });
  const events = await ctx.db.auditEvent.findMany({
    where: { chain: chainOf(municipalityId), seq: { in: linked.map((l) => l.seq) } },
    select: eventSelect,
    orderBy: { seq: 'desc' },
  });
  const breakGlass = await grantOf(ctx, flag);
  ctx.audit
    .subject('AuditFlag', flag.id)
    .detail({ kind: flag.kind, events: events.length, ...(breakGlass ? { justification: true } : {}) });
  const note = reviewNote ? ctx.keyring.decrypt(reviewNote, noteAad(flag.id)) : null;
  return { ...flagOut(flag), note, raisedBy: events, breakGlass };
}

/**
 * An auditor reviews an open flag: `reviewed` (looked into) or `escalated` (passed on), with a note,
 * encrypted. A flag is reviewed once: a second review (or a race between two auditors) is CONFLICT.
 */
export async function reviewFlag(ctx: ServiceContext, input: z.infer<typeof ReviewFlagInput>) {
  const flag = await findFlag(ctx, input.id, 'review');
  const now = ctx.clock();
  const { count } = await ctx.db.auditFlag.updateMany({
    where: { AND: [accessibleBy(ctx.ability, 'review').ofType('AuditFlag'), { id: flag.id, status: 'open' }] },
    data: {
      status: input.status,
      reviewedById: ctx.user.id,
      reviewedAt: now,
      reviewNote: ctx.keyring.encrypt(input.note, noteAad(flag.id)),
    },
  });
  if (count === 0) throw new AppError('CONFLICT', { entity: { type: 'AuditFlag', id: flag.id } });
  ctx.audit.subject('AuditFlag', flag.id).detail({ kind: flag.kind, status: input.status });
  return { id: flag.id, status: input.status, reviewedAt: now };
}
