import { For, Match, Show, Suspense, Switch } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatDateTime, formatList, formatYear } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { useMe } from '../../components/Shell';
import { ScreenForm } from './ScreenForm';
import { ReferralChanges } from '../history/ReferralChanges';
import { StatusBadge, UrgencyBadge } from './StatusBadge';
import { getReferral, matchPeople, type Referral } from './api';
import { ReferralOnward } from '../onward/ReferralOnward';
import { AnonymisedBanner } from '../retention/HoldSection';
import { chosenLabel, getListItems, type ListItem } from '../lists/api';

/** Consent as the referrer recorded it, or the legal basis for going on without it. */
function Consent(props: { consent: Referral['consent'] }) {
  return (
    <Show
      when={props.consent.given ? props.consent : null}
      fallback={
        <Show when={!props.consent.given ? props.consent : null}>
          {(c) => (
            <>
              <p>{t('screen.noConsent', { basis: c().legalBasis ? tKey('legalBases', c().legalBasis!) : t('common.none') })}</p>
              <p class="prewrap" dir="auto">
                {c().justification}
              </p>
            </>
          )}
        </Show>
      }
    >
      {(c) => (
        <>
          <p>{t('screen.consentGiven', { by: c().by ? tKey('consentBy', c().by!) : t('common.none'), at: formatDate(c().at) })}</p>
          <p>
            {t('screen.scope')} <bdi class="prewrap">{c().scope}</bdi>
          </p>
        </>
      )}
    </Show>
  );
}

/** Other people whose names resemble this one: a coordinator checks the referral is not a duplicate. */
function Similar(props: { referral: Referral }) {
  const person = () => props.referral.person;
  const name = () => person().nameLatin ?? person().nameArabic ?? '';
  const matches = createAsync(() => matchPeople(name(), person().birthYear ?? undefined));
  const others = () => (matches() ?? []).filter((m) => m.restricted || m.person.id !== person().id);
  return (
    <section class="card" aria-labelledby="similar-title" data-testid="similar">
      <h2 id="similar-title">{t('screen.similarTitle')}</h2>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={others().length > 0} fallback={<p class="muted">{t('screen.similarNone')}</p>}>
          <ul class="plain-list">
            <For each={others()}>
              {(m) => (
                <li>
                  <Show when={!m.restricted ? m.person : null} fallback={<span class="muted">{t('screen.restrictedMatch')}</span>}>
                    {(p) => (
                      <>
                        <PersonName person={p()} />
                        <Show when={p().birthYear}>{(y) => <span class="muted"> · {formatYear(y())}</span>}</Show>
                        <For each={'cases' in p() ? p().cases : []}>
                          {(c) => (
                            <A class="badge info" href={`/cases/${c.id}`}>
                              {c.reference}
                            </A>
                          )}
                        </For>
                      </>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Suspense>
    </section>
  );
}

function Decision(props: { decision: NonNullable<Referral['decision']>; status: Referral['status'] }) {
  const d = () => props.decision;
  return (
    <section class="card" aria-labelledby="decision-title" data-testid="decision-made">
      <h2 id="decision-title">{t('screen.decisionTitle')}</h2>
      <p>
        {t('screen.decided', {
          status: tKey('referralStatuses', props.status),
          at: formatDateTime(d().at),
          by: d().by?.displayName ?? t('common.none'),
        })}
      </p>
      <Switch>
        <Match when={d().case}>
          {(opened) => (
            <p class="alert alert-success">
              {t('screen.caseOpened', { reference: opened().reference })}{' '}
              <A href={`/cases/${opened().id}`} data-testid="open-case">
                {t('screen.openCase')}
              </A>
            </p>
          )}
        </Match>
        <Match when={d().signpostTo}>{(to) => <p>{t('mine.signpostedTo', { to: to() })}</p>}</Match>
        <Match when={d().closeReason}>{(r) => <p>{tKey('closeReasons', r())}</p>}</Match>
      </Switch>
      <Show when={d().reason}>
        {(reason) => (
          <p class="prewrap" dir="auto">
            {reason()}
          </p>
        )}
      </Show>
    </section>
  );
}

function ReferralView(props: { referral: Referral }) {
  const me = useMe();
  const r = () => props.referral;
  const coordinator = () => me().role === 'coordinator';
  // The municipality's words for what was chosen (a retired item still reads as it did).
  const items = createAsync(() => getListItems());
  const concernLabels = (x: Referral, list: ListItem[] | undefined) =>
    x.concernItemIds.length && list
      ? x.concernItemIds.map((id, i) => chosenLabel(list, 'concern_category', id, x.concernCategories[i] ?? 'other'))
      : x.concernCategories.map((c) => chosenLabel(undefined, 'concern_category', null, c));
  return (
    <>
      <Show when={r().anonymisedAt}>{(at) => <AnonymisedBanner at={at()} rule={r().anonymisedRule} />}</Show>
      {/* Not a landmark of its own: the page's section already bears the name "Referral". */}
      <section class="card" data-testid="referral">
        <h2 id="facts-title" class="visually-hidden">
          {t('screen.title')}
        </h2>
        <dl class="facts">
          <dt>{t('screen.person')}</dt>
          <dd>
            <PersonName person={r().person} class="strong" />
            <Show when={r().person.birthYear}>{(y) => <span class="muted"> · {t('referral.born', { year: formatYear(y()) })}</span>}</Show>
          </dd>
          <dt>{t('common.status')}</dt>
          <dd>
            <StatusBadge status={r().status} /> <UrgencyBadge urgency={r().urgency} />
          </dd>
          <dt>{t('referral.cohort')}</dt>
          <dd>
            {/* Never waits for the lists: the core code's word until the municipality's comes. */}
            <Suspense fallback={chosenLabel(undefined, 'cohort', r().cohortItemId, r().cohort)}>
              {chosenLabel(items(), 'cohort', r().cohortItemId, r().cohort)}
            </Suspense>
          </dd>
          <dt>{t('referral.source')}</dt>
          <dd>{tKey('sources', r().source)}</dd>
          <dt>{t('screen.referrer')}</dt>
          <dd>
            <bdi>{r().referrer.displayName}</bdi>
            <Show when={r().referrerAgency}>
              {(a) => (
                <span class="muted">
                  {' · '}
                  <bdi>{a().name}</bdi>
                </span>
              )}
            </Show>
          </dd>
          <dt>{t('screen.submitted')}</dt>
          <dd>{formatDateTime(r().submittedAt)}</dd>
          <dt>{t('screen.categories')}</dt>
          <dd>
            <Suspense fallback={formatList(concernLabels(r(), undefined))}>{formatList(concernLabels(r(), items()))}</Suspense>
          </dd>
        </dl>
        <h3 class="h3">{t('screen.concern')}</h3>
        <p class="prewrap concern" dir="auto" data-testid="concern-text">
          {r().concernText}
        </p>
        <h3 class="h3">{t('screen.consent')}</h3>
        <Consent consent={r().consent} />
      </section>
      <Show when={coordinator()}>
        <Similar referral={r()} />
      </Show>
      <Show
        when={r().decision}
        fallback={
          <Show when={coordinator()}>
            <ScreenForm referralId={r().id} />
          </Show>
        }
      >
        {(d) => <Decision decision={d()} status={r().status} />}
      </Show>
      <Show when={coordinator() && r().status === 'signposted'}>
        <ReferralOnward referralId={r().id} />
      </Show>
      <ReferralChanges referral={r()} />
    </>
  );
}

/** One referral: what was reported, consent, similar people and the screening decision. */
export default function ReferralPage() {
  const params = useParams<{ id: string }>();
  const me = useMe();
  const referral = createAsync(() => getReferral(params.id));
  // The municipality's words for cohort and categories are asked for with the referral, not after it.
  void getListItems();
  return (
    <section aria-labelledby="referral-page-title">
      <p>
        <A href={me().role === 'coordinator' ? '/referrals/queue' : '/referrals/mine'}>
          {me().role === 'coordinator' ? t('screen.back') : t('mine.title')}
        </A>
      </p>
      <h1 id="referral-page-title">{t('screen.title')}</h1>
      <p>
        <A href={`/referrals/${params.id}/print`} data-testid="print-referral">
          {t('print.referral.link')}
        </A>
      </p>
      <Show when={referral()}>{(r) => <ReferralView referral={r()} />}</Show>
    </section>
  );
}
