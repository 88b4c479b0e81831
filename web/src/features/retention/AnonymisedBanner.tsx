import { t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';

/** The banner of an anonymised record: when, under which rule, and what is left. */
export function AnonymisedBanner(props: { at: Date | string; rule: string | null }) {
  return (
    <div class="alert" role="status" data-testid="anonymised-banner">
      <p>
        <strong>
          {t('retention.anonymised.banner', { date: formatDate(props.at), rule: tKey('retention.recordTypes', props.rule ?? '') })}
        </strong>
      </p>
      <p>{t('retention.anonymised.explain')}</p>
    </div>
  );
}
