import { render } from 'solid-js/web';
import { i18nReady, loadAllWords } from './i18n';
import { getMe } from './lib/session';
import { formatDate, formatDateTime, formatList } from './lib/format';
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

/** Makes the formatters a first screen uses (lib/format keeps them), each in a task of its own. */
function warmFormats() {
  const now = new Date();
  for (const make of [() => formatDate(now), () => formatDate('2000-01-01'), () => formatDateTime(now), () => formatList(['', ''])])
    setTimeout(make);
}

const path = window.location.pathname;
if (path !== '/sign-in') {
  // Each in a task of its own, right after the one that ran the modules: the requests still leave at
  // once, and no single task holds the main thread long (each chunk import appends its preload links).
  // The areas' words, which the signed-in frame waits for (getMe asks again and finds them coming).
  setTimeout(() => void loadAllWords());
  setTimeout(() => {
    // Who is signed in is asked at once too (the router's query cache hands the answer to the frame), and
    // a case page's case alongside it rather than after it: still one read (one audit event) per visit.
    // The first screen writes dates, and making Intl's formatters (the locale's calendar data) was the
    // larger part of its render: they are made here, in a task of their own, once the municipality's
    // zone and country are known and while the page's data is still on its way.
    void getMe().then((me) => me && warmFormats());
    const caseId = /^\/cases\/([0-9a-f-]{36})$/.exec(path)?.[1];
    if (caseId) void import('./features/cases/api').then((m) => m.getCase(caseId).catch(() => undefined));
  });
  setTimeout(() => void import('./components/Shell'));
  setTimeout(() => void FIRST_PAGES.find(([pattern]) => pattern.test(path))?.[1]());
}

// The first page waits for its language's words (one small chunk) rather than flash untranslated keys.
void i18nReady.then(() => render(() => <App />, document.getElementById('app')!));
