import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../service.js';
import { AppError } from '../../errors.js';
import { openText, sealText, type OwnerKind } from '../../crypto/envelope.js';
import { ERASED_TEXT } from '../../shared/erased.js';

export type HistoryEntity = 'Person' | 'Referral' | 'Case' | 'Intervention';

/** The field of a change's values; bound with the change's row id, so a copied ciphertext does not open. */
const sideField = (side: 'old' | 'new') => `field_change.${side}`;
const aad = (side: 'old' | 'new', id: string) => `${sideField(side)}/${id}`;

/** Whose key a record's history is under: a change to an intervention is its case's history. */
const OWNER_KIND: Record<HistoryEntity, OwnerKind> = { Person: 'person', Referral: 'referral', Case: 'case', Intervention: 'case' };

/** One field's change: values as JSON text (null: empty). */
export interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

/** A value as history keeps it: dates as their ISO day, empty strings and lists as null. */
export function historyValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === '' || v === undefined || (Array.isArray(v) && v.length === 0)) return null;
  return v;
}

/** The fields of `next` (undefined: left alone) whose value differs from `current`'s. */
export function diff<T extends Record<string, unknown>>(current: T, next: Partial<T>): Change[] {
  const changes: Change[] = [];
  for (const [field, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const from = historyValue(current[field]);
    const to = historyValue(value);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

/**
 * Writes one history row per changed field (old → new, who, when, the version it made), both values
 * encrypted and bound to the row. In the caller's transaction, with the change itself.
 */
export async function recordChanges(
  ctx: ServiceContext,
  entity: { type: HistoryEntity; id: string; municipalityId: string; version: number; caseId?: string },
  changes: Change[],
) {
  if (changes.length === 0) return;
  const at = ctx.clock();
  const owner = { kind: OWNER_KIND[entity.type], id: await ownerId(ctx, entity), municipalityId: entity.municipalityId };
  const seal = (side: 'old' | 'new', id: string, v: unknown) =>
    v === null || v === undefined ? null : sealText(ctx, owner, sideField(side), id, JSON.stringify(v));
  const data = await Promise.all(
    changes.map(async (c) => {
      const id = randomUUID();
      return {
        id,
        municipalityId: entity.municipalityId,
        entityType: entity.type,
        entityId: entity.id,
        field: c.field,
        oldValue: await seal('old', id, c.from),
        newValue: await seal('new', id, c.to),
        version: entity.version,
        actorId: ctx.user.id,
        at,
      };
    }),
  );
  await ctx.db.fieldChange.createMany({ data });
}

/** The id of the record whose key a history row is under (an intervention's case). */
async function ownerId(ctx: ServiceContext, entity: { type: HistoryEntity; id: string; caseId?: string }) {
  if (entity.type !== 'Intervention') return entity.id;
  if (entity.caseId) return entity.caseId;
  const row = await ctx.db.intervention.findFirstOrThrow({
    where: { id: entity.id, municipalityId: ctx.user.municipalityId },
    select: { caseId: true },
  });
  return row.caseId;
}

/**
 * The history of records, newest first, limited to `fields` (what the reader may see); values opened.
 * Call only after the reader's access to each record was checked. The pages show the latest `limit`.
 */
export async function historyOf(ctx: ServiceContext, type: HistoryEntity, ids: string[], fields: readonly string[], limit = 500) {
  const rows = await ctx.db.fieldChange.findMany({
    where: { entityType: type, entityId: { in: ids }, field: { in: [...fields] }, municipalityId: ctx.user.municipalityId },
    select: {
      id: true,
      entityId: true,
      field: true,
      oldValue: true,
      newValue: true,
      version: true,
      at: true,
      actor: { select: { id: true, displayName: true, role: true } },
    },
    orderBy: [{ at: 'desc' }, { version: 'desc' }, { field: 'asc' }],
    take: limit,
  });
  // An erased record's history keeps its shape: who changed which field when, the values erased.
  const open = async (side: 'old' | 'new', id: string, v: string | null) => {
    const text = await openText(ctx, sideField(side), id, v, aad(side, id));
    return text === null || text === ERASED_TEXT ? text : JSON.parse(text);
  };
  return Promise.all(
    rows.map(async (r) => ({
      entityId: r.entityId,
      field: r.field,
      from: await open('old', r.id, r.oldValue),
      to: await open('new', r.id, r.newValue),
      version: r.version,
      at: r.at,
      by: r.actor,
    })),
  );
}

/**
 * The refusal of a save against an older version: who changed the record last and when (from its
 * history), and their text of the fields the user sent (the user's own is in their form). The caller
 * only sends fields the user may read.
 */
export async function staleVersion(ctx: ServiceContext, type: HistoryEntity, id: string, theirs: Record<string, unknown>) {
  const last = await ctx.db.fieldChange.findFirst({
    where: { municipalityId: ctx.user.municipalityId, entityType: type, entityId: id },
    select: { at: true, actor: { select: { displayName: true } } },
    orderBy: [{ version: 'desc' }, { at: 'desc' }],
  });
  const shown = Object.fromEntries(Object.entries(theirs).map(([k, v]) => [k, historyValue(v)]));
  return new AppError('STALE_VERSION', {
    data: { by: last?.actor.displayName ?? '?', at: (last?.at ?? new Date(0)).toISOString(), theirs: JSON.stringify(shown) },
  });
}
