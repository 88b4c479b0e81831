import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { PeriodInput } from './schema.js';
import { exportFigures, figures } from './service.js';

/** The municipality's figures (suppressed), on the page and as CSV. */
export const statisticsRouter = t.router({
  figures: procedure('statistics.read', { entity: 'Municipality' })
    .input(PeriodInput)
    .query(({ ctx, input }) => figures(ctx, input)),
  export: procedure('statistics.export', { entity: 'Municipality' })
    .input(PeriodInput)
    .mutation(({ ctx, input }) => exportFigures(ctx, input)),
});
