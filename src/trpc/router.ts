import { t } from './init.js';
import { everyProcedureAudited } from './router-check.js';
import { authRouter } from '../modules/auth/router.js';
import { agenciesRouter } from '../modules/agencies/router.js';
import { usersRouter } from '../modules/users/router.js';
import { auditRouter } from '../modules/audit/router.js';
import { peopleRouter } from '../modules/people/router.js';
import { referralsRouter } from '../modules/referrals/router.js';
import { casesRouter } from '../modules/cases/router.js';
import { consentRouter } from '../modules/consent/router.js';
import { assessmentsRouter } from '../modules/assessments/router.js';
import { meetingsRouter } from '../modules/meetings/router.js';
import { workRouter } from '../modules/work/router.js';
import { draftsRouter } from '../modules/drafts/router.js';
import { printRouter } from '../modules/print/router.js';
import { searchRouter } from '../modules/search/router.js';
import { statisticsRouter } from '../modules/statistics/router.js';
import { retentionRouter } from '../modules/retention/router.js';
import { purposesRouter } from '../modules/purposes/router.js';
import { listsRouter } from '../modules/lists/router.js';
import { processingRecordRouter } from '../modules/processing-record/router.js';
import { onwardRouter } from '../modules/onward/router.js';
import { transfersRouter } from '../modules/transfers/router.js';
import { subjectAccessRouter } from '../modules/subject-access/router.js';
import { alertsRouter } from '../modules/alerts/router.js';
import { hubRouter } from '../modules/hub/router.js';

/**
 * Every module, mounted by name. The web client imports only this type. Made only if every procedure
 * records its audit event (router-check.ts); sign-in alone is public.
 */
export const appRouter = everyProcedureAudited(
  t.router({
    auth: authRouter,
    agencies: agenciesRouter,
    users: usersRouter,
    audit: auditRouter,
    people: peopleRouter,
    referrals: referralsRouter,
    cases: casesRouter,
    consent: consentRouter,
    assessments: assessmentsRouter,
    meetings: meetingsRouter,
    work: workRouter,
    drafts: draftsRouter,
    print: printRouter,
    search: searchRouter,
    statistics: statisticsRouter,
    retention: retentionRouter,
    purposes: purposesRouter,
    lists: listsRouter,
    processingRecord: processingRecordRouter,
    onward: onwardRouter,
    transfers: transfersRouter,
    subjectAccess: subjectAccessRouter,
    alerts: alertsRouter,
    hub: hubRouter,
  }),
  ['auth.login'],
);

export type AppRouter = typeof appRouter;

export const createCaller = t.createCallerFactory(appRouter);
