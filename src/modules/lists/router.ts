import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { CreateListItemInput, ListItemsInput, UpdateListItemInput } from './schema.js';
import * as lists from './service.js';

/** The municipality's lists mapped to core codes: admins keep them, the casework roles choose from them. */
export const listsRouter = t.router({
  items: procedure('list.items', { entity: 'ListItem' })
    .input(ListItemsInput)
    .query(({ ctx, input }) => lists.listItems(ctx, input)),
  create: procedure('list.create', { entity: 'ListItem', idempotent: true })
    .input(CreateListItemInput)
    .mutation(({ ctx, input }) => lists.createListItem(ctx, input)),
  update: procedure('list.update', { entity: 'ListItem', idFrom: 'id' })
    .input(UpdateListItemInput)
    .mutation(({ ctx, input }) => lists.updateListItem(ctx, input)),
});
