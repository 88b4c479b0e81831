import { t } from '../../trpc/init.js';

export const assessmentsRouter = t.router({});
