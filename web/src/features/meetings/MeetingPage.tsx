import { t } from '../../i18n';

/** One panel meeting: agenda (need-to-know), attendance, decisions, minutes. */
export default function MeetingPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('meeting.title')}</h1>
    </section>
  );
}
