import { For, Show, createSignal, untrack } from 'solid-js';
import { LOCALES, LOCALE_NAMES, isLocale, locale, t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import type { Agency } from '../agencies/api';
import { getUsers, type Role, type User } from './api';
import { useMe } from '../../components/Shell';
import { ROLES_OF_KIND } from '../../../../src/shared/hub';

const FIELDS = ['email', 'displayName', 'role', 'agencyId', 'trainedAssessor', 'locale'] as const;

const str = (data: FormData, name: string) => String(data.get(name) ?? '');

interface Props {
  /** The account to edit; absent to create one. */
  user?: User;
  /** The agencies one may pick: the active ones. */
  agencies: Agency[];
  onCreated?: (email: string, oneTimePassword: string) => void;
  onDone: () => void;
  onCancel: () => void;
}

/** Creates an account (which answers with its one-time password) or edits one. */
export function UserForm(props: Props) {
  const me = useMe();
  const [role, setRole] = createSignal<Role>(props.user?.role ?? 'social_worker');
  // A new account starts in the language the admin works in; switching the interface later leaves it.
  const defaultLocale = untrack(locale);
  // An inactive agency stays listed for the account that already belongs to it.
  const choices = () =>
    props.user?.agency && !props.agencies.some((a) => a.id === props.user?.agency?.id)
      ? [...props.agencies, { id: props.user.agency.id, name: props.user.agency.name } as Agency]
      : props.agencies;

  const form = useForm({
    name: `user-${props.user?.id ?? 'new'}`,
    fields: FIELDS,
    refresh: getUsers.key,
    // A created account's form empties; users.create takes no idempotency key (its answer, a one-time password, is not kept).
    clear: !props.user,
    submit: async (data) => {
      const fields = {
        displayName: str(data, 'displayName'),
        role: str(data, 'role') as Role,
        agencyId: str(data, 'agencyId') || null,
        trainedAssessor: data.get('trainedAssessor') === 'on',
      };
      const before = props.user;
      if (!before) {
        const lang = str(data, 'locale');
        const created = await trpc.users.create.mutate({ ...fields, email: str(data, 'email'), locale: isLocale(lang) ? lang : 'ar' });
        props.onCreated?.(created.user.email, created.oneTimePassword);
      } else {
        // Only what changed: an unchanged (possibly inactive) agency is not re-checked.
        await trpc.users.update.mutate({
          id: before.id,
          displayName: fields.displayName !== before.displayName ? fields.displayName : undefined,
          role: fields.role !== before.role ? fields.role : undefined,
          agencyId: fields.agencyId !== (before.agency?.id ?? null) ? fields.agencyId : undefined,
          trainedAssessor: fields.trainedAssessor !== before.trainedAssessor ? fields.trainedAssessor : undefined,
        });
      }
    },
    onDone: () => props.onDone(),
  });

  return (
    <form ref={form.ref} action={form.action} method="post" class="form" data-testid={props.user ? 'user-edit-form' : 'user-create-form'}>
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <Show when={!props.user}>
          <TextField
            label={t('users.email')}
            name="email"
            type="email"
            required
            maxLength={254}
            autocomplete="off"
            error={form.errors().fields.email}
          />
        </Show>
        <TextField
          label={t('users.displayName')}
          name="displayName"
          required
          minLength={2}
          maxLength={120}
          value={props.user?.displayName ?? ''}
          error={form.errors().fields.displayName}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          required
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          error={form.errors().fields.role}
        >
          <For each={ROLES_OF_KIND[me().municipality.kind]}>
            {(r) => (
              <option value={r} selected={role() === r}>
                {tKey('roles', r)}
              </option>
            )}
          </For>
        </SelectField>
        <SelectField
          label={t('users.agency')}
          name="agencyId"
          required={role() === 'agency_practitioner'}
          hint={t('users.agencyHint')}
          error={form.errors().fields.agencyId}
        >
          <option value="">{t('users.noAgency')}</option>
          <For each={choices()}>
            {(a) => (
              <option value={a.id} selected={props.user?.agency?.id === a.id}>
                {a.name}
              </option>
            )}
          </For>
        </SelectField>
        <Show when={!props.user}>
          <SelectField label={t('users.language')} name="locale" error={form.errors().fields.locale}>
            <For each={LOCALES}>
              {(l) => (
                <option value={l} lang={l} selected={l === defaultLocale}>
                  {LOCALE_NAMES[l]}
                </option>
              )}
            </For>
          </SelectField>
        </Show>
        <CheckboxField label={t('users.trainedAssessor')} name="trainedAssessor" checked={props.user?.trainedAssessor ?? false} />
      </div>
      <FormActions form={form} label={props.user ? t('common.save') : t('common.create')} onCancel={() => props.onCancel()} />
    </form>
  );
}
