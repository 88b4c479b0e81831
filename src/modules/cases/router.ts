import { t } from '../../trpc/init.js';

/** Cases, notes and the case team (disclosures). */
export const casesRouter = t.router({});
