import { For, Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatDateTime } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { ConfirmButton } from '../../components/ConfirmButton';
import type { Agency } from '../agencies/api';
import { UserForm } from './UserForm';
import { getUsers, statusesOf, type User } from './api';

const STATUS_CLASS = { active: 'ok', disabled: 'muted', locked: 'warn', mustChange: 'info' } as const;

interface Props {
  user: User;
  agencies: Agency[];
  onError: (err: unknown) => void;
  onPassword: (email: string, password: string) => void;
}

/** One account: its facts, and what an admin may do with it. */
export function UserRow(props: Props) {
  const [editing, setEditing] = createSignal(false);
  const run = (work: () => Promise<unknown>) => writeThenRefresh(work, getUsers.key, props.onError);
  const id = () => props.user.id;
  return (
    <>
      <tr classList={{ inactive: !!props.user.disabledAt }} data-testid="user-row">
        <td class="name">
          {props.user.displayName}
          <Show when={props.user.trainedAssessor}>
            <span class="badge info">{t('users.trainedAssessorShort')}</span>
          </Show>
        </td>
        <td class="mono" dir="ltr">
          {props.user.email}
        </td>
        <td>{tKey('roles', props.user.role)}</td>
        <td>{props.user.agency?.name ?? t('common.none')}</td>
        <td>
          <For each={statusesOf(props.user)}>{(s) => <span class={`badge ${STATUS_CLASS[s]}`}>{t(`users.${s}`)}</span>}</For>
        </td>
        <td>{props.user.lastLoginAt ? formatDateTime(props.user.lastLoginAt) : t('common.never')}</td>
        <td class="actions">
          <div class="row-actions">
            <button type="button" class="button small" aria-expanded={editing()} onClick={() => setEditing(!editing())}>
              {t('common.edit')}
            </button>
            <Show
              when={props.user.disabledAt}
              fallback={<ConfirmButton label={t('users.disable')} danger onConfirm={() => run(() => trpc.users.disable.mutate({ id: id() }))} />}
            >
              <button type="button" class="button small" onClick={() => run(() => trpc.users.enable.mutate({ id: id() }))}>
                {t('users.enable')}
              </button>
            </Show>
            <ConfirmButton
              label={t('users.resetPassword')}
              onConfirm={() =>
                run(async () => {
                  const { oneTimePassword } = await trpc.users.resetPassword.mutate({ id: id() });
                  props.onPassword(props.user.email, oneTimePassword);
                })
              }
            />
          </div>
        </td>
      </tr>
      <Show when={editing()}>
        <tr class="edit-row">
          <td colSpan={7}>
            <h2 class="h3">{t('users.editTitle', { name: props.user.displayName })}</h2>
            <UserForm user={props.user} agencies={props.agencies} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
          </td>
        </tr>
      </Show>
    </>
  );
}
