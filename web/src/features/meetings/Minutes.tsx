import { For, Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { OptionsField, TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import { MEETING_QUERIES, type Meeting, type Minute } from './api';
import { createNotice } from '../../lib/notice';

const FIELDS = ['body', 'agendaItemId', 'correctsId'] as const;

/** A new entry, or (with `corrects`) a correction of one: the only entry approved minutes still take. */
function MinuteForm(props: { meeting: Meeting; corrects?: Minute; onDone: () => void; onCancel?: () => void }) {
  const form = useForm({
    name: props.corrects ? `correct-${props.corrects.id}` : `minute-${props.meeting.id}`,
    fields: FIELDS,
    refresh: MEETING_QUERIES,
    clear: true,
    submit: (data, keyed) =>
      trpc.meetings.addMinute.mutate(
        {
          meetingId: props.meeting.id,
          body: field(data, 'body'),
          agendaItemId: props.corrects ? undefined : optional(data, 'agendaItemId'),
          correctsId: props.corrects?.id,
        },
        keyed,
      ),
    onDone: () => props.onDone(),
  });
  return (
    <form
      ref={form.ref}
      action={form.action}
      method="post"
      class="form compact"
      data-testid={props.corrects ? 'correction-form' : 'minute-form'}
    >
      <Alert kind="error" message={form.errors().banner} />
      <Show when={!props.corrects && props.meeting.agenda.length > 0}>
        <OptionsField
          label={t('meeting.about')}
          name="agendaItemId"
          options={props.meeting.agenda}
          idOf={(i) => i.id}
          labelOf={(i) => i.case.reference}
          placeholder={t('meeting.general')}
          error={form.errors().fields.agendaItemId}
        />
      </Show>
      <TextAreaField
        label={props.corrects ? t('meeting.correction') : t('meeting.minuteBody')}
        name="body"
        required
        rows={3}
        maxLength={20000}
        dir="auto"
        error={form.errors().fields.body}
      />
      <FormActions
        form={form}
        label={props.corrects ? t('meeting.correctionSubmit') : t('meeting.addMinute')}
        small
        onCancel={props.onCancel}
      />
    </form>
  );
}

/**
 * The minutes: entries about the meeting or the agenda items the viewer sees, oldest first;
 * corrections are shown as such under the date of the entry they correct.
 */
export function Minutes(props: { meeting: Meeting }) {
  const [correcting, setCorrecting] = createSignal<string | null>(null);
  const [added, setAdded] = createNotice<string>();
  const m = () => props.meeting;
  const byId = () => new Map(m().minutes.map((x) => [x.id, x]));
  const about = (x: Minute) => m().agenda.find((i) => i.id === x.agendaItemId)?.case.reference ?? t('meeting.general');
  const mayWrite = () => m().may.update && m().status !== 'cancelled';
  const open = () => m().status === 'scheduled' || m().status === 'held';
  return (
    <section class="card" aria-labelledby="minutes-title" data-testid="minutes">
      <h2 id="minutes-title">{t('meeting.minutes')}</h2>
      <Alert kind="success" message={added()} />
      <ol class="minutes">
        <For each={m().minutes} fallback={<li class="muted">{t('meeting.minutesEmpty')}</li>}>
          {(x) => (
            <li class="minute" classList={{ correction: !!x.correctsId }} data-testid="minute">
              <p class="note-meta small muted">
                {formatDateTime(x.createdAt)} · <bdi>{x.author ? t('meeting.by', { name: x.author.displayName }) : ''}</bdi> ·{' '}
                <span dir="ltr">{about(x)}</span>
                <Show when={x.correctsId ? byId().get(x.correctsId) : undefined}>
                  {(orig) => <span class="badge warn">{t('meeting.correctionOf', { date: formatDateTime(orig().createdAt) })}</span>}
                </Show>
              </p>
              <p dir="auto" class="prewrap">
                {x.body}
              </p>
              <Show when={mayWrite()}>
                <Opener
                  open={correcting() === x.id}
                  onOpen={() => (setCorrecting(x.id), setAdded(null))}
                  label={t('meeting.correct')}
                  class="button small ghost"
                  testId="correct-minute"
                >
                  <MinuteForm
                    meeting={m()}
                    corrects={x}
                    onDone={() => (setCorrecting(null), setAdded(t('meeting.minuteAdded')))}
                    onCancel={() => setCorrecting(null)}
                  />
                </Opener>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={mayWrite() && open()}>
        <h3 class="h3">{t('meeting.addMinute')}</h3>
        <MinuteForm meeting={m()} onDone={() => setAdded(t('meeting.minuteAdded'))} />
      </Show>
    </section>
  );
}
