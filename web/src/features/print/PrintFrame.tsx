import type { JSX } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../../i18n';
import { useMe } from '../../components/Shell';
import { formatDateTime } from '../../lib/format';
import './print.css';

/**
 * The frame of every printable page: a back link and the print button (shown only once the audited
 * read has answered, since the page renders this frame with its data), then the sheet itself, with
 * who printed it and when. The print stylesheet hides the app around it.
 */
export function PrintFrame(props: { back: string; title: string; municipality: string; printedAt: Date; children: JSX.Element }) {
  const me = useMe();
  return (
    <div class="print-page" data-testid="print-page">
      <p class="no-print print-tools">
        <A href={props.back}>{t('case.back')}</A>
        <button type="button" class="button" onClick={() => window.print()} data-testid="print-button">
          {t('print.button')}
        </button>
        <span class="muted">{t('print.recorded')}</span>
      </p>
      <article class="print-sheet">
        <header class="print-head">
          <p>{props.municipality}</p>
          <h1>{props.title}</h1>
        </header>
        {props.children}
        <footer class="print-foot">
          <p>{t('print.confidential')}</p>
          <p>{t('print.printedOn', { at: formatDateTime(props.printedAt), name: me().displayName })}</p>
        </footer>
      </article>
    </div>
  );
}
