import { ErrorBoundary, Suspense, createEffect, lazy, type JSX } from 'solid-js';
import { Route, Router, useNavigate } from '@solidjs/router';
import { dirOf, locale, t } from './i18n';
import { installAuthLostHandler } from './lib/session';
import { PageError } from './components/PageError';
import { SignIn } from './routes/SignIn';

// The sign-in page is all the first visit needs: the signed-in frame and its pages come when first shown.
const Shell = lazy(() => import('./components/Shell').then((m) => ({ default: m.Shell })));
const Home = lazy(() => import('./routes/Home').then((m) => ({ default: m.Home })));
const Sessions = lazy(() => import('./routes/Sessions').then((m) => ({ default: m.Sessions })));
const ChangePassword = lazy(() => import('./routes/ChangePassword').then((m) => ({ default: m.ChangePassword })));
const NotFound = lazy(() => import('./routes/NotFound').then((m) => ({ default: m.NotFound })));

// Admin and audit pages are loaded when first visited: most users never need them.
const Agencies = lazy(() => import('./features/agencies/AgenciesPage'));
const Purposes = lazy(() => import('./features/purposes/PurposesPage'));
const Lists = lazy(() => import('./features/lists/ListsPage'));
const ProcessingRecord = lazy(() => import('./features/purposes/ProcessingRecordPage'));
const Users = lazy(() => import('./features/users/UsersPage'));
const Handover = lazy(() => import('./features/users/HandoverPage'));
const Audit = lazy(() => import('./features/audit/AuditPage'));
const Flag = lazy(() => import('./features/audit/FlagPage'));
// Case work: each page is its own chunk, fetched on first visit.
const NewReferral = lazy(() => import('./features/referrals/NewReferralPage'));
const MyReferrals = lazy(() => import('./features/referrals/MyReferralsPage'));
const Queue = lazy(() => import('./features/referrals/QueuePage'));
const Referral = lazy(() => import('./features/referrals/ReferralPage'));
const Cases = lazy(() => import('./features/cases/CasesPage'));
const CasePage = lazy(() => import('./features/cases/CasePage'));
const BreakGlass = lazy(() => import('./features/cases/BreakGlassPage'));
const ConsentPrint = lazy(() => import('./features/consent/ConsentPrintPage'));
const CasePrint = lazy(() => import('./features/print/CasePrintPage'));
const MeetingPrint = lazy(() => import('./features/print/MeetingPrintPage'));
const ReferralPrint = lazy(() => import('./features/print/ReferralPrintPage'));
const Meetings = lazy(() => import('./features/meetings/MeetingsPage'));
const Meeting = lazy(() => import('./features/meetings/MeetingPage'));
const Work = lazy(() => import('./features/work/WorkPage'));
const OnwardInbox = lazy(() => import('./features/onward/InboxPage'));
const TransferInbox = lazy(() => import('./features/transfers/InboxPage'));
const TransferProposal = lazy(() => import('./features/transfers/ProposalPage'));
const Settings = lazy(() => import('./features/work/SettingsPage'));
const Search = lazy(() => import('./features/search/SearchPage'));
const Statistics = lazy(() => import('./features/statistics/StatisticsPage'));
const Factors = lazy(() => import('./features/assessments/FactorsPage'));
const SecondFactor = lazy(() => import('./features/factor/SecondFactorPage'));
const Retention = lazy(() => import('./features/retention/RetentionPage'));
const RetentionRules = lazy(() => import('./features/retention/RulesPage'));
const CertificatePrint = lazy(() => import('./features/retention/CertificatePrintPage'));
const SubjectAccess = lazy(() => import('./features/subject-access/SubjectAccessPage'));
const SubjectAccessReview = lazy(() => import('./features/subject-access/ReviewPage'));
const SubjectAccessPrint = lazy(() => import('./features/subject-access/PrintPage'));
const Alerts = lazy(() => import('./features/alerts/AlertsPage'));
const HubFigures = lazy(() => import('./features/hub/HubFiguresPage'));
const HubMembers = lazy(() => import('./features/hub/MembersPage'));

/** Keeps <html lang dir> on the current locale, and sends a lost session to sign-in. */
function Root(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  installAuthLostHandler(() => {
    const { pathname, search } = window.location;
    if (pathname !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
  });
  createEffect(() => {
    const html = document.documentElement;
    html.lang = locale();
    html.dir = dirOf(locale());
    document.title = t('app.name');
  });
  return (
    <ErrorBoundary
      fallback={(err, reset) => (
        <main class="page">
          <PageError error={err} reset={reset} />
        </main>
      )}
    >
      <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/" component={Shell}>
        <Route path="/" component={Home} />
        <Route path="/sessions" component={Sessions} />
        <Route path="/alerts" component={Alerts} />
        <Route path="/password" component={() => <ChangePassword />} />
        <Route path="/second-factor" component={() => <SecondFactor />} />
        <Route path="/admin/agencies" component={Agencies} />
        <Route path="/admin/purposes" component={Purposes} />
        <Route path="/admin/lists" component={Lists} />
        <Route path="/processing-record" component={ProcessingRecord} />
        <Route path="/admin/users" component={Users} />
        <Route path="/handover" component={Handover} />
        <Route path="/audit" component={Audit} />
        <Route path="/audit/flags/:id" component={Flag} />
        <Route path="/referrals/new" component={NewReferral} />
        <Route path="/referrals/mine" component={MyReferrals} />
        <Route path="/referrals/queue" component={Queue} />
        <Route path="/referrals/:id" component={Referral} />
        <Route path="/referrals/:id/print" component={ReferralPrint} />
        <Route path="/search" component={Search} />
        <Route path="/people/:personId/subject-access" component={SubjectAccess} />
        <Route path="/people/:personId/subject-access/:id" component={SubjectAccessReview} />
        <Route path="/people/:personId/subject-access/:id/print" component={SubjectAccessPrint} />
        <Route path="/statistics" component={Statistics} />
        <Route path="/hub" component={HubFigures} />
        <Route path="/cases" component={Cases} />
        <Route path="/cases/:id" component={CasePage} />
        <Route path="/cases/:id/emergency" component={BreakGlass} />
        <Route path="/cases/:id/consent/:consentId/print" component={ConsentPrint} />
        <Route path="/cases/:id/print" component={CasePrint} />
        <Route path="/meetings" component={Meetings} />
        <Route path="/meetings/:id" component={Meeting} />
        <Route path="/meetings/:id/pack" component={() => <MeetingPrint kind="pack" />} />
        <Route path="/meetings/:id/minutes" component={() => <MeetingPrint kind="minutes" />} />
        <Route path="/work" component={Work} />
        <Route path="/onward" component={OnwardInbox} />
        <Route path="/transfers" component={TransferInbox} />
        <Route path="/transfers/:id" component={TransferProposal} />
        <Route path="/admin/settings" component={Settings} />
        <Route path="/admin/hub" component={HubMembers} />
        <Route path="/admin/assessment-factors" component={Factors} />
        <Route path="/admin/retention" component={RetentionRules} />
        <Route path="/retention" component={Retention} />
        <Route path="/retention/certificates/:id" component={CertificatePrint} />
        <Route path="*404" component={NotFound} />
      </Route>
    </Router>
  );
}
