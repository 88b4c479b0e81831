import { A } from '@solidjs/router';
import { t } from '../../i18n';

/** The person section's way into subject access (coordinators only: the case page shows it to them alone). */
export function SubjectAccessLink(props: { personId: string }) {
  return (
    <section class="card" aria-labelledby="sa-link-title" data-testid="sa-link-section">
      <h2 id="sa-link-title">{t('subjectAccess.link')}</h2>
      <p class="muted">{t('subjectAccess.linkHint')}</p>
      <A href={`/people/${props.personId}/subject-access`} data-testid="sa-link">
        {t('subjectAccess.link')}
      </A>
    </section>
  );
}
