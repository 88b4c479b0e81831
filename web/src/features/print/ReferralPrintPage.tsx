import { For, Show } from 'solid-js';
import { createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PersonName } from '../../components/PersonName';
import { getReferralPrint } from './api';
import { PrintFrame } from './PrintFrame';

/**
 * The referrer's acknowledgement: reference, date, who it is about, what they wrote and what happens
 * next. Nothing the screening added (reasons, the case's content) is on it.
 */
export default function ReferralPrintPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getReferralPrint(params.id));
  return (
    <Show when={data()}>
      {(r) => (
        <PrintFrame
          back={`/referrals/${params.id}`}
          title={t('print.referral.title')}
          municipality={r().municipality}
          printedAt={r().printedAt}
        >
          <p>{t('print.referral.thanks')}</p>
          <dl>
            <dt>{t('print.referral.reference')}</dt>
            <dd class="mono" dir="ltr" data-testid="print-reference">
              {r().reference}
            </dd>
            <dt>{t('print.referral.submittedAt')}</dt>
            <dd>{formatDate(r().submittedAt)}</dd>
            <dt>{t('print.referral.from')}</dt>
            <dd>
              {r().referrer.displayName}
              {r().referrerAgency ? ` · ${r().referrerAgency!.name}` : ''}
            </dd>
            <dt>{t('print.referral.about')}</dt>
            <dd>
              <PersonName person={r().person} />
            </dd>
            <dt>{t('print.referral.urgency')}</dt>
            <dd>{tKey('urgencies', r().urgency)}</dd>
            <dt>{t('print.referral.categories')}</dt>
            <dd>
              <For each={r().concernCategories}>{(c, i) => `${i() ? ', ' : ''}${tKey('concernCategories', c)}`}</For>
            </dd>
          </dl>
          <section>
            <h2>{t('print.referral.yourWords')}</h2>
            <p class="print-text">{r().concernText}</p>
          </section>
          <section>
            <h2>{t('print.referral.next')}</h2>
            <p data-testid="print-next">{tKey('print.referral.nextBy', r().status)}</p>
            <p>{t('print.referral.keep')}</p>
          </section>
        </PrintFrame>
      )}
    </Show>
  );
}
