import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { TextAreaField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { getHold, type HoldStatus } from './api';

function PlaceHold(props: { caseId: string }) {
  const form = useForm({
    name: `retention.placeHold.${props.caseId}`,
    fields: ['reason'],
    refresh: getHold.key,
    clear: true,
    submit: (data, keyed) => trpc.retention.placeHold.mutate({ caseId: props.caseId, reason: field(data, 'reason') }, keyed),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" novalidate data-testid="hold-form">
      <Alert kind="error" message={form.errors().banner} />
      <TextAreaField
        label={t('retention.hold.reason')}
        name="reason"
        required
        minLength={5}
        maxLength={2000}
        rows={3}
        hint={t('retention.hold.reasonHint')}
        error={form.errors().fields.reason}
      />
      <SubmitButton form={form} label={t('retention.hold.place')} />
    </form>
  );
}

function LiftHold(props: { caseId: string }) {
  const form = useForm({
    name: `retention.liftHold.${props.caseId}`,
    refresh: getHold.key,
    submit: () => trpc.retention.liftHold.mutate({ caseId: props.caseId }),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid="lift-hold-form">
      <Alert kind="error" message={form.errors().banner} />
      <SubmitButton form={form} label={t('retention.hold.lift')} />
    </form>
  );
}

function Standing(props: { status: HoldStatus }) {
  const s = () => props.status;
  return (
    <>
      <Show
        when={s().live}
        fallback={
          <Show when={!s().anonymisedAt}>
            <p data-testid="hold-none">{t('retention.hold.none')}</p>
          </Show>
        }
      >
        {(h) => (
          <div class="card" data-testid="hold-live">
            <p>
              <strong>{t('retention.hold.live', { at: formatDateTime(h().placedAt), name: h().placedBy ?? '' })}</strong>
            </p>
            <p class="print-text">{h().reason}</p>
          </div>
        )}
      </Show>
      <Show when={!s().anonymisedAt}>
        <p class="muted">
          {s().dueAt
            ? t('retention.hold.dueAt', {
                rule: tKey('retention.recordTypes', 'case_closed'),
                months: String(s().rule.months),
                date: formatDate(s().dueAt),
              })
            : t('retention.hold.notClosed')}
        </p>
      </Show>
      <Show when={s().earlier.length}>
        <h3>{t('retention.hold.earlier')}</h3>
        <ul>
          <For each={s().earlier}>
            {(h) => (
              <li>
                {t('retention.hold.lifted', { from: formatDate(h.placedAt), to: formatDate(h.liftedAt) })}
                <Show when={h.reason}>{(r) => <span>: {r()}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

/** The coordinator's retention block on the case page: the hold (place, lift), earlier holds, and the due date. */
export function HoldSection(props: { caseId: string }) {
  const status = createAsync(() => getHold(props.caseId));
  return (
    <section aria-labelledby="hold-title" class="case-section" data-testid="hold-section">
      <h2 id="hold-title">{t('retention.hold.title')}</h2>
      <p class="muted">{t('retention.hold.intro')}</p>
      <Show when={status()}>
        {(s) => (
          <>
            <Standing status={s()} />
            <Show when={!s().anonymisedAt}>
              <Show when={s().live} fallback={<PlaceHold caseId={props.caseId} />}>
                <LiftHold caseId={props.caseId} />
              </Show>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

export { AnonymisedBanner } from './AnonymisedBanner';
