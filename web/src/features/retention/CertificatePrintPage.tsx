import { Show } from 'solid-js';
import { createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { PrintFrame } from '../print/PrintFrame';
import { getCertificate } from './api';

/**
 * A deletion certificate on paper: the rule and its legal reference, how many records of each kind,
 * when, and the audit event (number in the chain, id, hash) to check it against. No personal data.
 */
export default function CertificatePrintPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getCertificate(params.id));
  return (
    <Show when={data()}>
      {(c) => (
        <PrintFrame back="/retention" title={t('retention.certificate.title')} municipality={c().municipality} printedAt={c().printedAt}>
          <dl data-testid="certificate">
            <dt>{t('retention.certificate.number')}</dt>
            <dd class="mono" dir="ltr">
              {c().id}
            </dd>
            <dt>{t('retention.certificate.ranAt')}</dt>
            <dd>{formatDateTime(c().ranAt)}</dd>
            <dt>{t('retention.certificate.rule')}</dt>
            <dd>
              {tKey('retention.recordTypes', c().recordType)} · {t('retention.certificate.period', { months: formatNumber(c().months) })}
            </dd>
            <dt>{t('retention.certificate.legalReference')}</dt>
            <dd>{c().legalReference}</dd>
            <dt>{t('retention.certificate.cases')}</dt>
            <dd data-testid="certificate-cases">{formatNumber(c().counts.cases)}</dd>
            <dt>{t('retention.certificate.referrals')}</dt>
            <dd>{formatNumber(c().counts.referrals)}</dd>
            <dt>{t('retention.certificate.people')}</dt>
            <dd>{formatNumber(c().counts.people)}</dd>
            <dt>{t('retention.certificate.event')}</dt>
            <dd>{t('retention.certificate.eventText', { seq: String(c().auditSeq), id: c().auditEventId })}</dd>
            <dt>{t('retention.certificate.hash')}</dt>
            <dd class="mono" dir="ltr" data-testid="certificate-hash">
              {c().auditHash}
            </dd>
          </dl>
          <p>{t('retention.certificate.verify')}</p>
          <p>
            <strong>{t('retention.certificate.noPersonal')}</strong>
          </p>
        </PrintFrame>
      )}
    </Show>
  );
}
