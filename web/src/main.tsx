import { render } from 'solid-js/web';
import { i18nReady } from './i18n';
import { getMe } from './lib/session';
import { App } from './App';

/**
 * The chunks of the pages people most often open first. Fetched together with the dictionary rather
 * than one after another (dictionary, then the signed-in frame, then the page): App's lazy routes
 * then find them already loaded.
 */
const FIRST_PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, () => import('./routes/Home')],
  [/^\/cases$/, () => import('./features/cases/CasesPage')],
  [/^\/cases\/[^/]+$/, () => import('./features/cases/CasePage')],
  [/^\/referrals\/queue$/, () => import('./features/referrals/QueuePage')],
  [/^\/referrals\/new$/, () => import('./features/referrals/NewReferralPage')],
  [/^\/work$/, () => import('./features/work/WorkPage')],
  [/^\/meetings\/[^/]+$/, () => import('./features/meetings/MeetingPage')],
];

const path = window.location.pathname;
if (path !== '/sign-in') {
  void import('./components/Shell');
  void FIRST_PAGES.find(([pattern]) => pattern.test(path))?.[1]();
  // Who is signed in is asked at once too (the router's query cache hands the answer to the frame), and
  // a case page's case alongside it rather than after it: still one read (one audit event) per visit.
  void getMe();
  const caseId = /^\/cases\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (caseId) void import('./features/cases/api').then((m) => m.getCase(caseId).catch(() => undefined));
}

// The first page waits for its language's words (one small chunk) rather than flash untranslated keys.
void i18nReady.then(() => render(() => <App />, document.getElementById('app')!));
