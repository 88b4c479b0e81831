import { Match, Switch } from 'solid-js';
import { t } from '../../i18n';
import { formatTime } from '../session/idle';

type Status = { savedAt: Date } | 'saving' | 'failed' | null;

/** Under a form: whether its draft is saved (and that only its author sees it). Polite, never in the way. */
export function DraftStatus(props: { status: Status; restored?: boolean }) {
  return (
    <p class="draft-status muted small" role="status" data-testid="draft-status">
      <Switch fallback={props.restored ? t('drafts.restored') : ''}>
        <Match when={props.status === 'saving'}>{t('drafts.saving')}</Match>
        <Match when={props.status === 'failed'}>{t('drafts.notSaved')}</Match>
        <Match when={typeof props.status === 'object' && props.status}>{(s) => t('drafts.saved', { time: formatTime(s().savedAt) })}</Match>
      </Switch>
    </p>
  );
}
