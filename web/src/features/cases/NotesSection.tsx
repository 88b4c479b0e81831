import { For, Show, createEffect, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, useForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/errors';
import { Alert } from '../../components/Alert';
import { LoadMore } from '../../components/LoadMore';
import { OptionsField, TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { CASE_QUERIES, SENSITIVITIES, type Case } from './api';
import { useDraft } from '../../lib/draft';
import { DraftStatus } from '../drafts/DraftStatus';
import { useRestoreDraft } from '../drafts/restore';
import { createNotice } from '../../lib/notice';

type Notes = NonNullable<Case['notes']>;

/** A note form: standard notes for the case team; restricted ones only for coordinator and key worker. */
function AddNote(props: { caseId: string; restricted: boolean }) {
  let element: HTMLFormElement | undefined;
  // The note being typed is kept on the server for its author until it is added (lib/draft.ts).
  const draft = useDraft({ kind: 'case_note', caseId: props.caseId, form: () => element });
  const opened = useRestoreDraft({
    form: () => element,
    adopt: draft.adopt,
    fits: (d) => d.kind === 'case_note' && d.caseId === props.caseId,
  });
  const form = useForm({
    name: `note-${props.caseId}`,
    fields: ['body', 'sensitivity'],
    refresh: CASE_QUERIES,
    clear: true,
    submit: (data, keyed) => {
      const sensitivity = field(data, 'sensitivity') === 'restricted' ? 'restricted' : 'standard';
      return trpc.cases.addNote.mutate({ caseId: props.caseId, body: field(data, 'body'), sensitivity }, keyed);
    },
    onDone: () => draft.sent(),
  });
  return (
    <form
      ref={(el) => {
        element = el;
        form.ref(el);
      }}
      action={form.action}
      method="post"
      class="form subsection"
      onInput={draft.onInput}
      onSubmit={draft.onSubmit}
      data-testid="note-form"
    >
      <Alert kind="error" message={form.errors().banner ?? (opened.error() ? errorMessage(opened.error()) : null)} />
      <Alert kind="success" message={form.confirmed() ? t('case.noteAdded') : null} />
      <TextAreaField label={t('case.noteBody')} name="body" required maxLength={20_000} rows={4} error={form.errors().fields.body} />
      <Show when={props.restricted}>
        <OptionsField
          label={t('case.sensitivity')}
          name="sensitivity"
          options={SENSITIVITIES}
          labelOf={(s) => tKey('sensitivities', s)}
          error={form.errors().fields.sensitivity}
        />
      </Show>
      <DraftStatus status={draft.status()} restored={opened.restored()} />
      <FormActions form={form} label={t('case.addNote')} />
    </form>
  );
}

/**
 * The notes after the case page's first ones, read on demand (cases.notes). Whenever the case is
 * read again (after a write), the list starts over from the page's notes.
 */
function useMoreNotes(props: { caseId: string; notes: Notes }) {
  const [more, setMore] = createSignal<Notes['items']>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createNotice<unknown>();
  createEffect(() => {
    setMore([]);
    setNext(props.notes.nextCursor);
  });
  const load = async (cursor: string) => {
    setPending(true);
    setError(null);
    try {
      const page = await trpc.cases.notes.query({ caseId: props.caseId, cursor });
      setMore([...more(), ...page.items]);
      setNext(page.nextCursor);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return { all: () => [...props.notes.items, ...more()], next, pending, error, load };
}

/** The notes the user may read, newest first, and a form to add one. */
export function NotesSection(props: { caseId: string; notes: Notes; restricted: boolean }) {
  const notes = useMoreNotes(props);
  return (
    <section class="card" aria-labelledby="notes-title" data-testid="notes-section">
      <h2 id="notes-title">{t('case.notesTitle')}</h2>
      <ol class="notes">
        <For each={notes.all()} fallback={<li class="muted">{t('case.notesEmpty')}</li>}>
          {(note) => (
            <li class="note" classList={{ restricted: note.sensitivity === 'restricted' }} data-testid="note">
              <p class="note-meta">
                <bdi class="strong">{note.author?.displayName ?? t('common.none')}</bdi> ·{' '}
                <time datetime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt)}</time>
                <Show when={note.sensitivity === 'restricted'}>
                  <span class="badge warn">{t('case.restrictedBadge')}</span>
                </Show>
              </p>
              <p class="prewrap" dir="auto">
                {note.body}
              </p>
            </li>
          )}
        </For>
      </ol>
      <Alert kind="error" message={notes.error() ? errorMessage(notes.error()) : null} />
      <LoadMore
        next={notes.next()}
        pending={notes.pending()}
        any={notes.all().length > 0}
        label={t('case.moreNotes')}
        onMore={notes.load}
      />
      <AddNote caseId={props.caseId} restricted={props.restricted} />
    </section>
  );
}
