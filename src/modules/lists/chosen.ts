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

/**
 * The item a record names from the municipality's `list`, and the core code it keeps: the item's own
 * code, whatever code the caller sent. An item of another municipality or list, or no item at all, is
 * NOT_FOUND on the field (so another town's id says nothing); a retired one is BAD_INPUT `item_retired`.
 * With a code only, the municipality's first live item of that code (none: `item_retired`).
 */
export async function chosenItem<L extends ListKind>(ctx: Db, list: L, choice: Choice<L>, field: string): Promise<Chosen<L>> {
  const municipalityId = ctx.user.municipalityId;
  if (choice.itemId) {
    const row = await ctx.db.listItem.findFirst({
      where: { id: choice.itemId, municipalityId, list },
      select: { id: true, code: true, retiredAt: true },
    });
    if (!row) throw notOurs(field, choice.itemId);
    if (row.retiredAt) throw retired(field);
    return { code: row.code as ListCode<L>, itemId: row.id };
  }
  const row = await ctx.db.listItem.findFirst({
    where: { municipalityId, list, code: choice.code, retiredAt: null },
    select: { id: true },
    orderBy: [{ sortOrder: 'asc' }, { labelEn: 'asc' }],
  });
  if (!row) throw retired(field);
  return { code: choice.code, itemId: row.id };
}

/**
 * Several items of one list (a referral's concern categories), each checked as `chosenItem` does, in
 * one query; the core codes come back once each, in the order first chosen.
 */
export async function chosenItems<L extends ListKind>(
  ctx: Db,
  list: L,
  choice: { itemIds?: readonly string[] | null; codes: readonly ListCode<L>[] },
  field: string,
): Promise<{ codes: ListCode<L>[]; itemIds: string[] }> {
  const municipalityId = ctx.user.municipalityId;
  const ids = [...new Set(choice.itemIds ?? [])];
  if (ids.length === 0) {
    const codes = [...new Set(choice.codes)];
    if (codes.length === 0) return { codes: [], itemIds: [] };
    // One query: the live items of those codes in the list's order; the first of each code is taken.
    const live = await ctx.db.listItem.findMany({
      where: { municipalityId, list, code: { in: codes }, retiredAt: null },
      select: { id: true, code: true },
      orderBy: [{ sortOrder: 'asc' }, { labelEn: 'asc' }],
    });
    const first = codes.map((code) => live.find((i) => i.code === code));
    if (first.some((i) => !i)) throw retired(field);
    return { codes, itemIds: first.map((i) => i!.id) };
  }
  const rows = await ctx.db.listItem.findMany({
    where: { id: { in: ids }, municipalityId, list },
    select: { id: true, code: true, retiredAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notOurs(field, missing);
  if (rows.some((r) => r.retiredAt)) throw retired(field);
  return { codes: [...new Set(ids.map((id) => byId.get(id)!.code as ListCode<L>))], itemIds: ids };
}
