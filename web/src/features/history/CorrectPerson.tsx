import { Show, createResource, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import { Conflict } from './Conflict';
import { theirsOf } from './values';
import { DETAIL_FIELDS, PersonDetailsFields, detailsOf } from './PersonDetailsFields';
import { createNotice } from '../../lib/notice';

/** The person as the page shows them, with the version it read. */
export interface ShownPerson {
  id: string;
  nameArabic: string | null;
  nameLatin: string | null;
  birthYear: number | null;
  version: number;
}

const FIELDS = ['nameArabic', 'nameLatin', 'birthDate', 'birthYear', ...DETAIL_FIELDS] as const;

/**
 * Corrects a misspelt name or a wrong birth year (the coordinator, or the social worker who referred
 * the person). Sent with the version the page read: a correction saved by someone else since is
 * refused and shown beside this one. An emptied name is cleared (one script must stay). With `full`
 * (a coordinator), the form reads the whole record when it opens and corrects its other details too.
 */
export function CorrectPerson(props: { person: ShownPerson; refresh: string[]; full?: boolean }) {
  const [open, setOpen] = createSignal(false);
  const [details] = createResource(
    () => (open() && props.full ? props.person.id : false),
    (id) => trpc.people.get.query({ id }),
  );
  const [saved, setSaved] = createNotice<boolean>();
  const [conflict, setConflict] = createSignal<{ theirs: Record<string, unknown> | null; yours: Record<string, unknown> } | null>(null);
  // What the form shows and corrects: the whole record once read (full), else what the page showed.
  const shown = (): ShownPerson => (props.full ? (details() ?? props.person) : props.person);
  const form = useForm({
    name: `correct-person-${props.person.id}`,
    fields: FIELDS,
    refresh: props.refresh,
    submit: async (data) => {
      const year = field(data, 'birthYear');
      const birthDate = optional(data, 'birthDate');
      const full = details();
      const yours = {
        nameArabic: field(data, 'nameArabic') || null,
        nameLatin: field(data, 'nameLatin') || null,
        birthYear: year ? Number(year) : null,
        // Without the whole record the current date is unknown here: an empty field leaves it as it is.
        ...(birthDate ? { birthDate: new Date(`${birthDate}T00:00:00Z`) } : full ? { birthDate: null } : {}),
        ...(full ? detailsOf(data) : {}),
      };
      setConflict(null);
      try {
        return await trpc.people.correct.mutate({ id: props.person.id, version: shown().version, ...yours });
      } catch (err) {
        setConflict({ theirs: theirsOf(err), yours });
        throw err;
      }
    },
    onDone: () => (setOpen(false), setSaved(true)),
  });
  return (
    <>
      <Alert kind="success" message={saved() ? t('changes.saved') : null} />
      <Opener
        open={open()}
        onOpen={() => (setOpen(true), setSaved(false))}
        label={t('changes.correctPerson')}
        class="button small"
        testId="correct-person"
      >
        <form ref={form.ref} action={form.action} method="post" class="form compact" data-testid="correct-person-form">
          <h3 class="h3">{t('changes.correctPerson')}</h3>
          <Alert kind="error" message={form.errors().banner} />
          <Show when={conflict()?.theirs}>
            <Conflict theirs={conflict()!.theirs} yours={conflict()!.yours} />
          </Show>
          <Show when={!props.full || details()} fallback={<p class="muted">{t('app.loading')}</p>}>
            <TextField
              label={t('changes.fields.nameArabic')}
              name="nameArabic"
              dir="rtl"
              lang="ar"
              value={shown().nameArabic ?? ''}
              error={form.errors().fields.nameArabic}
            />
            <TextField
              label={t('changes.fields.nameLatin')}
              name="nameLatin"
              dir="ltr"
              value={shown().nameLatin ?? ''}
              error={form.errors().fields.nameLatin}
            />
            <TextField
              label={t('changes.fields.birthDate')}
              name="birthDate"
              type="date"
              value={details()?.birthDate ? new Date(details()!.birthDate!).toISOString().slice(0, 10) : ''}
              error={form.errors().fields.birthDate}
            />
            <TextField
              label={t('changes.fields.birthYear')}
              name="birthYear"
              inputMode="numeric"
              value={shown().birthYear ?? ''}
              error={form.errors().fields.birthYear}
            />
            <Show when={props.full ? details() : null}>{(p) => <PersonDetailsFields person={p()} errors={form.errors().fields} />}</Show>
          </Show>
          <FormActions form={form} label={t('changes.save')} small onCancel={() => (setOpen(false), setConflict(null), form.reset())} />
        </form>
      </Opener>
    </>
  );
}
