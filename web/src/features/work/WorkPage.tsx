import { t } from '../../i18n';

/** My work: what is due or overdue for me, newest first. */
export default function WorkPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('work.title')}</h1>
    </section>
  );
}
