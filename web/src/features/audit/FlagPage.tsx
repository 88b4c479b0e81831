import { Show, type JSX } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { FlagFigures } from './FlagFigures';
import { FlagEvents } from './FlagEvents';
import { FlagReview } from './FlagReview';
import { FlagBreakGlass } from './FlagBreakGlass';
import { getFlag, type FlagWithEvents } from './api';

/** The flag's review as recorded: who decided what, when, and their note (plain text). */
function ReviewShown(props: { flag: FlagWithEvents }) {
  return (
    <Show when={props.flag.reviewedAt} fallback={<p class="muted">{t('flag.notReviewed')}</p>}>
      {(at) => (
        <div data-testid="flag-review">
          <p>
            {t('flag.reviewedBy', {
              status: tKey('flags.statuses', props.flag.status),
              name: props.flag.reviewedBy?.displayName ?? t('audit.nobody'),
              at: formatDateTime(at()),
            })}
          </p>
          <Show when={props.flag.note}>
            {(note) => (
              <blockquote class="flag-note" data-testid="flag-note">
                {note()}
              </blockquote>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}

/** One flag: what it is, who and when, the rule's figures, the events that raised it and its review. */
export function FlagView(props: { flag: FlagWithEvents; review?: JSX.Element }) {
  const f = () => props.flag;
  return (
    <article class="flag-view" data-testid="flag" data-status={f().status} data-kind={f().kind}>
      <h1 id="flag-title">{tKey('flags.kinds', f().kind)}</h1>
      <p class="lead">
        <span class="badge" classList={{ warn: f().status === 'open', ok: f().status === 'reviewed', danger: f().status === 'escalated' }}>
          {tKey('flags.statuses', f().status)}
        </span>{' '}
        {t('flag.raised', { at: formatDateTime(f().createdAt) })}
      </p>
      <dl class="facts">
        <dt>{t('flag.account')}</dt>
        <dd data-testid="flag-account">
          <Show when={f().subjectUser} fallback={t('audit.nobody')}>
            {(who) => `${who().displayName} · ${tKey('roles', who().role)}`}
          </Show>
        </dd>
        <dt>{t('flag.by')}</dt>
        <dd>{f().actor?.displayName ?? t('audit.nobody')}</dd>
      </dl>
      <Show when={f().kind === 'break_glass'} fallback={<FlagFigures detail={f().detail} />}>
        <FlagBreakGlass flag={f()} />
      </Show>
      <FlagEvents flag={f()} />
      <h2>{t('flag.review')}</h2>
      <ReviewShown flag={f()} />
      {props.review}
    </article>
  );
}

/** Auditor › a flag (/audit/flags/:id). */
export default function FlagPage() {
  const params = useParams<{ id: string }>();
  return (
    <section aria-labelledby="flag-title">
      <p>
        <A href="/audit#flags-title">{t('flag.back')}</A>
      </p>
      <RequireRole roles={['auditor']}>
        <FlagLoaded id={params.id} />
      </RequireRole>
    </section>
  );
}

function FlagLoaded(props: { id: string }) {
  const flag = createAsync(() => getFlag(props.id));
  return (
    <Show when={flag()}>
      {(f) => <FlagView flag={f()} review={<Show when={f().status === 'open'}>{<FlagReview id={f().id} />}</Show>} />}
    </Show>
  );
}
