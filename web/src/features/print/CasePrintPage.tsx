import { Show } from 'solid-js';
import { createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatYear } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { getCasePrint } from './api';
import { PrintFrame } from './PrintFrame';
import { PlanList } from './PlanList';

/** The case summary on paper: what the reader sees of it on screen, summary and plan only if shared with them. */
export default function CasePrintPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getCasePrint(params.id));
  return (
    <Show when={data()}>
      {(c) => (
        <PrintFrame back={`/cases/${params.id}`} title={t('print.case.title')} municipality={c().municipality} printedAt={c().printedAt}>
          <dl>
            <dt>{t('case.reference')}</dt>
            <dd class="mono" dir="ltr" data-testid="print-reference">
              {c().reference}
            </dd>
            <dt>{t('cases.stage')}</dt>
            <dd>{tKey('stages', c().stage)}</dd>
            <dt>{t('case.keyWorker')}</dt>
            <dd>{c().keyWorker?.displayName ?? t('common.none')}</dd>
            <dt>{t('case.leadAgency')}</dt>
            <dd>{c().leadAgency?.name ?? t('common.none')}</dd>
            <dt>{t('case.opened')}</dt>
            <dd>{formatDate(c().openedAt)}</dd>
            <Show when={c().nextReviewAt}>
              <dt>{t('work.review.next')}</dt>
              <dd>{formatDate(c().nextReviewAt)}</dd>
            </Show>
          </dl>
          <Show when={c().summary} fallback={<p>{t('print.case.noSummary')}</p>}>
            {(s) => (
              <section>
                <h2>{t('print.case.summary')}</h2>
                <p>
                  {t('print.case.person')}: <PersonName person={s().person} />
                  <Show when={s().person.birthYear}>{(y) => ` · ${t('print.case.birthYear')} ${formatYear(y())}`}</Show>
                </p>
                <p class="print-text" data-testid="print-summary">
                  {s().text ?? ''}
                </p>
              </section>
            )}
          </Show>
          <Show when={c().plan}>
            {(plan) => (
              <section>
                <h2>{t('print.case.plan')}</h2>
                <PlanList plan={plan()} />
              </section>
            )}
          </Show>
        </PrintFrame>
      )}
    </Show>
  );
}
