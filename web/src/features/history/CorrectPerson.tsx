import { Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { field, optional, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Opener } from '../../components/Toggle';
import { Conflict } from './Conflict';
import { theirsOf } from './values';

/** The person as the page shows them, with the version it read. */
export interface ShownPerson {
  id: string;
  nameArabic: string | null;
  nameLatin: string | null;
  birthYear: number | null;
  version: number;
}

const FIELDS = ['nameArabic', 'nameLatin', 'birthDate', 'birthYear'] as const;

/**
 * Corrects a misspelt name or a wrong birth year (the coordinator, or the social worker who referred
 * the person). Sent with the version the page read: a correction saved by someone else since is
 * refused and shown beside this one. An emptied name is cleared (one script must stay).
 */
export function CorrectPerson(props: { person: ShownPerson; refresh: string[] }) {
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const [conflict, setConflict] = createSignal<{ theirs: Record<string, unknown> | null; yours: Record<string, unknown> } | null>(null);
  const form = useForm({
    name: `correct-person-${props.person.id}`,
    fields: FIELDS,
    refresh: props.refresh,
    submit: async (data) => {
      const year = field(data, 'birthYear');
      const birthDate = optional(data, 'birthDate');
      const yours = {
        nameArabic: field(data, 'nameArabic') || null,
        nameLatin: field(data, 'nameLatin') || null,
        birthYear: year ? Number(year) : null,
        ...(birthDate ? { birthDate: new Date(`${birthDate}T00:00:00Z`) } : {}),
      };
      setConflict(null);
      try {
        return await trpc.people.correct.mutate({ id: props.person.id, version: props.person.version, ...yours });
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
        <form action={form.action} method="post" class="form compact" data-testid="correct-person-form">
          <h3 class="h3">{t('changes.correctPerson')}</h3>
          <Alert kind="error" message={form.errors().banner} />
          <Show when={conflict()?.theirs}>
            <Conflict theirs={conflict()!.theirs} yours={conflict()!.yours} />
          </Show>
          <TextField
            label={t('changes.fields.nameArabic')}
            name="nameArabic"
            dir="rtl"
            lang="ar"
            value={props.person.nameArabic ?? ''}
            error={form.errors().fields.nameArabic}
          />
          <TextField
            label={t('changes.fields.nameLatin')}
            name="nameLatin"
            dir="ltr"
            value={props.person.nameLatin ?? ''}
            error={form.errors().fields.nameLatin}
          />
          <TextField label={t('changes.fields.birthDate')} name="birthDate" type="date" error={form.errors().fields.birthDate} />
          <TextField
            label={t('changes.fields.birthYear')}
            name="birthYear"
            inputMode="numeric"
            value={props.person.birthYear ?? ''}
            error={form.errors().fields.birthYear}
          />
          <FormActions form={form} label={t('changes.save')} small onCancel={() => (setOpen(false), setConflict(null), form.reset())} />
        </form>
      </Opener>
    </>
  );
}
