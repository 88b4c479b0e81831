import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { fieldLabel, valueText } from './values';

/**
 * A save refused because someone else saved first: their text (as saved now) beside the user's
 * (not saved), field by field, so nothing typed is lost. The banner above says who and when.
 */
export function Conflict(props: { theirs: Record<string, unknown> | null; yours: Record<string, unknown> }) {
  return (
    <Show when={props.theirs}>
      {(theirs) => (
        <div class="conflict" data-testid="conflict">
          <h3 class="h3">{t('changes.conflictTitle')}</h3>
          <For each={Object.keys(theirs())}>
            {(field) => (
              <div class="conflict-field">
                <p class="strong">{fieldLabel(field)}</p>
                <div class="conflict-sides">
                  <div data-testid="conflict-theirs">
                    <p class="muted small">{t('changes.theirs')}</p>
                    <p class="prewrap" dir="auto">
                      {valueText(field, theirs()[field])}
                    </p>
                  </div>
                  <div data-testid="conflict-yours">
                    <p class="muted small">{t('changes.yours')}</p>
                    <p class="prewrap" dir="auto">
                      {valueText(field, props.yours[field])}
                    </p>
                  </div>
                </div>
              </div>
            )}
          </For>
        </div>
      )}
    </Show>
  );
}
