import { t } from '../../i18n';

/** Panel meetings: the coordinator's schedule; invitees see the meetings they are invited to. */
export default function MeetingsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('meeting.title')}</h1>
    </section>
  );
}
