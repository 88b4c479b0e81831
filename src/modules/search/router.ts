import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { SearchInput } from './schema.js';
import { search } from './service.js';

/** The one search box: people, cases and referrals by name, reference or birth year (service.ts). */
export const searchRouter = t.router({
  find: procedure('search.find', { entity: 'Person' })
    .input(SearchInput)
    .query(({ ctx, input }) => search(ctx, input)),
});
