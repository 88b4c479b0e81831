import { t } from '../i18n';
import { errorMessage } from '../lib/errors';

/** What a page shows when loading it failed: the translated reason and a way to try again. */
export function PageError(props: { error: unknown; reset: () => void }) {
  return (
    <div class="narrow" data-testid="page-error">
      <p class="alert alert-error" role="alert">
        {errorMessage(props.error)}
      </p>
      <button type="button" class="button" onClick={() => props.reset()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
