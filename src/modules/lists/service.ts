import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ServiceContext } from '../../service.js';
import type { ListKind } from '../../shared/vocabulary.js';
import type { CreateListItemInput, UpdateListItemInput } from './schema.js';

export const listItemSelect = {
  id: true,
  list: true,
  code: true,
  labelAr: true,
  labelFr: true,
  labelEn: true,
  sortOrder: true,
  retiredAt: true,
} satisfies Prisma.ListItemSelect;

/** Positions are kept this far apart, so a new item goes last without renumbering the others. */
const STEP = 10;

const taken = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' ? new AppError('CONFLICT', { fields: { labelEn: 'LIST_LABEL_TAKEN' } }) : err;

/** The municipality's items, list by list in their order; retired ones only when asked. */
export async function listItems(ctx: ServiceContext, input: { list?: ListKind; includeRetired: boolean }) {
  assertCan(ctx.ability, 'read', 'ListItem');
  const rows = await ctx.db.listItem.findMany({
    where: {
      AND: [
        accessibleBy(ctx.ability).ofType('ListItem'),
        input.list ? { list: input.list } : {},
        input.includeRetired ? {} : { retiredAt: null },
      ],
    },
    select: listItemSelect,
    orderBy: [{ list: 'asc' }, { sortOrder: 'asc' }, { labelEn: 'asc' }],
  });
  ctx.audit.detail({ count: rows.length, list: input.list ?? null, includeRetired: input.includeRetired });
  return rows;
}

/** Admin: a new item at the end of its list, with its labels and the core code it counts as. */
export async function createListItem(ctx: ServiceContext, input: z.infer<typeof CreateListItemInput>) {
  assertCan(ctx.ability, 'create', 'ListItem');
  const municipalityId = ctx.user.municipalityId;
  const last = await ctx.db.listItem.aggregate({ where: { municipalityId, list: input.list }, _max: { sortOrder: true } });
  const row = await ctx.db.listItem
    .create({
      data: { ...input, municipalityId, sortOrder: (last._max.sortOrder ?? 0) + STEP, createdAt: ctx.clock() },
      select: listItemSelect,
    })
    .catch((err) => {
      throw taken(err);
    });
  ctx.audit.subject('ListItem', row.id).detail({ list: row.list, code: row.code, labelEn: row.labelEn });
  return row;
}

/**
 * Admin: relabel, move, retire or restore. A retired item can no longer be chosen; the records that
 * chose it keep it and still show its label. Another municipality's item is NOT_FOUND.
 */
export async function updateListItem(ctx: ServiceContext, input: z.infer<typeof UpdateListItemInput>) {
  const { id, retired, position, ...labels } = input;
  assertCan(ctx.ability, 'update', 'ListItem');
  const before = await ctx.db.listItem.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'update').ofType('ListItem'), { id }] },
    select: listItemSelect,
  });
  if (!before) throw notFound('ListItem', id);
  const municipalityId = ctx.user.municipalityId;
  const retiredAt = retired === undefined ? before.retiredAt : retired ? (before.retiredAt ?? ctx.clock()) : null;
  if (position !== undefined) await moveItem(ctx, before, position);
  const row = await ctx.db.listItem
    .update({ where: { id, municipalityId }, data: { ...labels, retiredAt }, select: listItemSelect })
    .catch((err) => {
      throw taken(err);
    });
  if (retired === true && !before.retiredAt) ctx.audit.narrow('list.retire');
  if (retired === false && before.retiredAt) ctx.audit.narrow('list.restore');
  const changed = Object.keys(labels).filter((k) => labels[k as keyof typeof labels] !== before[k as keyof typeof labels]);
  if (position !== undefined) changed.push('position');
  ctx.audit.detail({ list: row.list, code: row.code, changed });
  return row;
}

/**
 * Puts the item at `position` (0-based, clamped to the list) and renumbers its list in steps, in the
 * call's transaction; the list's rows are locked first so two moves at once cannot interleave.
 */
async function moveItem(ctx: ServiceContext, item: { id: string; list: ListKind }, position: number) {
  const municipalityId = ctx.user.municipalityId;
  await ctx.db
    .$queryRaw`SELECT id FROM list_item WHERE municipality_id = ${municipalityId}::uuid AND list = ${item.list}::"ListKind" FOR UPDATE`;
  const rows = await ctx.db.listItem.findMany({
    where: { municipalityId, list: item.list },
    select: { id: true },
    orderBy: [{ sortOrder: 'asc' }, { labelEn: 'asc' }],
  });
  const order = rows.filter((r) => r.id !== item.id);
  order.splice(Math.min(position, order.length), 0, { id: item.id });
  for (const [i, r] of order.entries())
    await ctx.db.listItem.update({ where: { id: r.id, municipalityId }, data: { sortOrder: (i + 1) * STEP } });
}
