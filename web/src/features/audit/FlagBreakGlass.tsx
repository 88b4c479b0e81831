import { Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatLocale } from '../../lib/region';
import { formatDateTime, formatList } from '../../lib/format';
import type { FlagWithEvents } from './api';

const minutes = (n: number) => new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(n);

/**
 * A break-glass flag's facts for the auditor: who asked, when, for which case (its reference: the
 * auditor sees no case content), which sections, for how long, how it ended, and the justification.
 */
export function FlagBreakGlass(props: { flag: FlagWithEvents }) {
  const detail = () => props.flag.detail as { reference?: string; sections?: string[] };
  const grant = () => props.flag.breakGlass;
  const ended = (g: NonNullable<FlagWithEvents['breakGlass']>) => {
    if (g.endedAt) return t('breakGlass.review.endedEarly', { time: formatDateTime(g.endedAt) });
    return new Date(g.expiresAt) > new Date() ? t('breakGlass.review.stillLive') : t('breakGlass.review.ranFull');
  };
  return (
    <section aria-labelledby="flag-break-glass" data-testid="flag-break-glass">
      <h2 id="flag-break-glass">{t('breakGlass.review.title')}</h2>
      <dl class="facts">
        <dt>{t('breakGlass.review.requester')}</dt>
        <dd data-fact="requester">{props.flag.subjectUser?.displayName ?? t('audit.nobody')}</dd>
        <dt>{t('breakGlass.review.caseRef')}</dt>
        <dd data-fact="reference">
          <bdi>{detail().reference ?? t('common.none')}</bdi>
        </dd>
        <dt>{t('breakGlass.review.sections')}</dt>
        <dd data-fact="sections">{formatList((detail().sections ?? []).map((s) => tKey('sections', s)))}</dd>
        <Show when={grant()}>
          {(g) => (
            <>
              <dt>{t('breakGlass.review.grantedAt')}</dt>
              <dd data-fact="grantedAt">{formatDateTime(g().grantedAt)}</dd>
              <dt>{t('breakGlass.review.length')}</dt>
              <dd data-fact="length">{minutes(g().minutes)}</dd>
              <dt>{t('breakGlass.review.until')}</dt>
              <dd data-fact="until">{formatDateTime(g().expiresAt)}</dd>
              <dt>{t('breakGlass.review.ended')}</dt>
              <dd data-fact="ended">{ended(g())}</dd>
            </>
          )}
        </Show>
      </dl>
      <h3>{t('breakGlass.review.justification')}</h3>
      <Show when={grant()} fallback={<p class="muted">{t('breakGlass.review.notShown')}</p>}>
        {(g) => (
          <blockquote class="flag-note" data-testid="flag-justification">
            {g().justification}
          </blockquote>
        )}
      </Show>
    </section>
  );
}
