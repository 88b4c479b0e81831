import { rawQuery } from '../../db.js';
import { Prisma } from '../../generated/prisma/client.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { ListCode } from '../../shared/lists.js';
import type { ListKind } from '../../shared/vocabulary.js';

/** What a form chose from one list: the item (the web's forms), or only a core code (older callers, imports). */
export interface Choice<L extends ListKind> {
  itemId?: string | null;
  code: ListCode<L>;
}

/** The core code a record keeps and the item it names. */
export interface Chosen<L extends ListKind> {
  code: ListCode<L>;
  itemId: string | null;
}

type Db = Pick<ServiceContext, 'db' | 'user'>;

const notOurs = (field: string, id: string) =>
  new AppError('NOT_FOUND', { entity: { type: 'ListItem', id }, fields: { [field]: 'NOT_FOUND' } });
const retired = (field: string) => new AppError('BAD_INPUT', { fields: { [field]: 'item_retired' } });

/** An item of the municipality's lists as a choice is checked against it. */
export interface ItemRow {
  id: string;
  list: ListKind;
  code: string;
  retired: boolean;
}

/**
 * The municipality's items of `lists`, each list in its order: one statement for everything a form
 * chose (a city's lists hold tens of items). Resolve the choices with `itemChosen` / `itemsChosen`.
 */
export function itemsOf(ctx: Db, lists: readonly ListKind[]): Promise<ItemRow[]> {
  return rawQuery<ItemRow>(
    ctx.db,
    Prisma.sql`SELECT id::text, list::text, code, retired_at IS NOT NULL AS retired FROM list_item
               WHERE municipality_id = ${ctx.user.municipalityId}::uuid AND list = ANY(${lists}::"ListKind"[])
               ORDER BY sort_order, label_en`,
    { prepared: true },
  );
}

/**
 * The item a record names from the municipality's `list`, and the core code it keeps: the item's own
 * code, whatever code the caller sent. An item of another municipality or list, or no item at all, is
 * NOT_FOUND on the field (so another town's id says nothing); a retired one is BAD_INPUT `item_retired`.
 * With a code only, the municipality's first live item of that code (none: `item_retired`).
 */
export function itemChosen<L extends ListKind>(rows: readonly ItemRow[], list: L, choice: Choice<L>, field: string): Chosen<L> {
  if (choice.itemId) {
    const row = rows.find((r) => r.id === choice.itemId && r.list === list);
    if (!row) throw notOurs(field, choice.itemId);
    if (row.retired) throw retired(field);
    return { code: row.code as ListCode<L>, itemId: row.id };
  }
  const row = rows.find((r) => r.list === list && r.code === choice.code && !r.retired);
  if (!row) throw retired(field);
  return { code: choice.code, itemId: row.id };
}

/**
 * Several items of one list (a referral's concern categories), each checked as `itemChosen` does; the
 * core codes come back once each, in the order first chosen.
 */
export function itemsChosen<L extends ListKind>(
  rows: readonly ItemRow[],
  list: L,
  choice: { itemIds?: readonly string[] | null; codes: readonly ListCode<L>[] },
  field: string,
): { codes: ListCode<L>[]; itemIds: string[] } {
  const ids = [...new Set(choice.itemIds ?? [])];
  if (ids.length === 0) {
    const codes = [...new Set(choice.codes)];
    const first = codes.map((code) => rows.find((r) => r.list === list && r.code === code && !r.retired));
    if (first.some((i) => !i)) throw retired(field);
    return { codes, itemIds: first.map((i) => i!.id) };
  }
  const byId = new Map(rows.filter((r) => r.list === list).map((r) => [r.id, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notOurs(field, missing);
  if (ids.some((id) => byId.get(id)!.retired)) throw retired(field);
  return { codes: [...new Set(ids.map((id) => byId.get(id)!.code as ListCode<L>))], itemIds: ids };
}

/** `itemChosen` with the list read for it. */
export async function chosenItem<L extends ListKind>(ctx: Db, list: L, choice: Choice<L>, field: string): Promise<Chosen<L>> {
  return itemChosen(await itemsOf(ctx, [list]), list, choice, field);
}

/** `itemsChosen` with the list read for it. */
export async function chosenItems<L extends ListKind>(
  ctx: Db,
  list: L,
  choice: { itemIds?: readonly string[] | null; codes: readonly ListCode<L>[] },
  field: string,
): Promise<{ codes: ListCode<L>[]; itemIds: string[] }> {
  if ((choice.itemIds ?? []).length === 0 && choice.codes.length === 0) return { codes: [], itemIds: [] };
  return itemsChosen(await itemsOf(ctx, [list]), list, choice, field);
}
