import { Show } from 'solid-js';
import { t } from '../i18n';

/** The "load more" button of a keyset list, or the words that say the list has ended. */
export function LoadMore(props: {
  next: string | null;
  pending: boolean;
  any: boolean;
  label: string;
  end?: string;
  onMore: (cursor: string) => void;
}) {
  return (
    <Show
      when={props.next}
      fallback={
        <Show when={props.any && props.end}>
          <p class="muted">{props.end}</p>
        </Show>
      }
    >
      {(cursor) => (
        <button type="button" class="button" disabled={props.pending} onClick={() => props.onMore(cursor())} data-testid="load-more">
          {props.pending ? t('app.loading') : props.label}
        </button>
      )}
    </Show>
  );
}
