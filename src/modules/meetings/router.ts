import { t } from '../../trpc/init.js';

export const meetingsRouter = t.router({});
