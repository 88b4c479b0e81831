import { Match, Show, Suspense, Switch } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatList } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { SECTIONS, isOpen, type Case } from './api';
import { chosenLabel, getListItems } from '../lists/api';

/** Consent as the case knows it: from the referral, unless withdrawn since. */
function ConsentState(props: { consent: Case['consent'] }) {
  const c = () => props.consent;
  return (
    <Switch fallback={t('case.unknown')}>
      <Match when={c().liveUntil}>{(until) => t('consent.liveUntil', { at: formatDate(until()) })}</Match>
      <Match when={c().withdrawnAt}>{(at) => <span class="badge warn">{t('case.consentWithdrawn', { at: formatDate(at()) })}</span>}</Match>
      <Match when={c().given === true}>{t('case.consentGiven', { by: c().by ? tKey('consentBy', c().by!) : t('case.unknown') })}</Match>
      <Match when={c().given === false}>
        {t('case.consentNone', { basis: c().referralLegalBasis ? tKey('legalBases', c().referralLegalBasis!) : t('case.unknown') })}
      </Match>
    </Switch>
  );
}

/** Reference, stage, who carries the case, consent; the person's name only with the summary. */
export function CaseHeader(props: { case: Case }) {
  const c = () => props.case;
  const shared = () => SECTIONS.filter((s) => c().sections.includes(s));
  // The municipality's word for the cohort (a retired one still reads as it did).
  const items = createAsync(() => getListItems());
  return (
    <header class="card case-header" data-testid="case-header">
      <div class="case-title">
        <h1 id="case-title">
          <span class="mono" dir="ltr" data-testid="case-reference">
            {c().reference}
          </span>
          <span class="badge" classList={{ ok: isOpen(c().stage), muted: !isOpen(c().stage) }} data-testid="case-stage">
            {tKey('stages', c().stage)}
          </span>
        </h1>
        <Show when={c().summary}>{(s) => <PersonName person={s().person} class="lead-name" />}</Show>
      </div>
      <dl class="facts">
        <Show when={c().summary}>
          {(s) => (
            <>
              <dt>{t('case.cohort')}</dt>
              <dd>
                {/* The header never waits for the lists: the core code's word until the municipality's comes. */}
                <Suspense fallback={chosenLabel(undefined, 'cohort', s().cohortItemId, s().cohort)}>
                  {chosenLabel(items(), 'cohort', s().cohortItemId, s().cohort)}
                </Suspense>
              </dd>
            </>
          )}
        </Show>
        <dt>{t('case.keyWorker')}</dt>
        <dd data-testid="key-worker">
          <bdi>{c().keyWorker?.displayName ?? t('case.nobody')}</bdi>
        </dd>
        <dt>{t('case.leadAgency')}</dt>
        <dd data-testid="lead-agency">{c().leadAgency?.name ?? t('case.nobody')}</dd>
        <dt>{t('case.consent')}</dt>
        <dd>
          <ConsentState consent={c().consent} />
        </dd>
        <dt>{t('case.opened')}</dt>
        <dd>{formatDate(c().openedAt)}</dd>
        <Show when={c().closedAt}>
          {(at) => (
            <>
              <dt>{t('case.closed')}</dt>
              <dd>{formatDate(at())}</dd>
            </>
          )}
        </Show>
      </dl>
      {/* Said when the user sees part of the case only (a disclosure), so they know what they are not shown. */}
      <Show when={shared().length < SECTIONS.length}>
        <p class="muted small" data-testid="sections-shown">
          {t('case.sectionsShown', { sections: formatList(shared().map((s) => tKey('sections', s))) || t('common.none') })}
        </p>
      </Show>
    </header>
  );
}
