import { Suspense, type JSX } from 'solid-js';
import { t } from '../../i18n';

/**
 * The case page's sections and side panel under a boundary of their own: each reads its own data, and
 * without it the whole page (the header with the case reference too) waited for the slowest of them.
 */
export function CaseLayout(props: { children: JSX.Element }) {
  return (
    <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
      <div class="case-layout">{props.children}</div>
    </Suspense>
  );
}
