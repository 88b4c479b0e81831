import { t } from '../../i18n';

/** The admin's assessment framework: factors by domain, editable. */
export default function FactorsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('assessment.title')}</h1>
    </section>
  );
}
