import { Show } from 'solid-js';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { Case } from './api';

type Pending = NonNullable<Case['panelClosure']>;

const args = (p: Pending) => ({ date: formatDate(p.decidedAt ?? p.meeting.scheduledAt), meeting: p.meeting.title });

/** The words the close form starts with when the panel decided to close: the decision, its date, its meeting. */
export const closurePrefill = (p: Pending | null | undefined) => (p ? t('panelClosure.prefill', args(p)) : undefined);

/** Coordinator: the panel decided to close this case; closing it is theirs to do, with the form below. */
export function PanelClosureBanner(props: { pending: Case['panelClosure'] }) {
  return (
    <Show when={props.pending}>
      {(p) => (
        <div class="alert alert-info" role="status" data-testid="panel-closure">
          <p>{t('panelClosure.banner', args(p()))}</p>
          <a href="#close-case">{t('panelClosure.goToForm')}</a>
        </div>
      )}
    </Show>
  );
}
