import { t } from '../../trpc/init.js';

/** Referrals and screening. */
export const referralsRouter = t.router({});
