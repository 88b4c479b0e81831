import { t } from '../../trpc/init.js';

export const workRouter = t.router({});
