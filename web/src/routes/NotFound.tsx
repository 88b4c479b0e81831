import { A } from '@solidjs/router';
import { t } from '../i18n';

export function NotFound() {
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>
        <A href="/">{t('notFound.back')}</A>
      </p>
    </section>
  );
}
