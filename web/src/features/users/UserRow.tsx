import { For, Match, Show, Switch, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { formatDateTime } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ToggleButton, ToggleRow } from '../../components/Toggle';
import { ht } from '../../i18n/handover';
import type { Agency } from '../agencies/api';
import { UserForm } from './UserForm';
import { FactorResetForm } from './FactorResetForm';
import { UserSessions } from './UserSessions';
import { CaseloadPanel } from './CaseloadPanel';
import { getUsers, statusesOf, type User } from './api';

const STATUS_CLASS = { active: 'ok', disabled: 'muted', locked: 'warn', mustChange: 'info' } as const;

interface Props {
  user: User;
  agencies: Agency[];
  onError: (err: unknown) => void;
  onPassword: (email: string, password: string) => void;
}

/** What opens under the row: the edit form, the reset of the second factor, the sessions, the caseload (and disabling). */
type Panel = 'edit' | 'factor' | 'sessions' | 'caseload' | null;

/** One account: its facts, and what an admin may do with it. */
export function UserRow(props: Props) {
  const [panel, setPanel] = createSignal<Panel>(null);
  const toggle = (which: Panel) => (open: boolean) => setPanel(open ? which : null);
  const close = () => setPanel(null);
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
          <Show when={props.user.factor.resetPending}>
            <span class="badge warn" data-testid="factor-reset-pending">
              {ft('resets.pending')}
            </span>
          </Show>
        </td>
        <td>{props.user.lastLoginAt ? formatDateTime(props.user.lastLoginAt) : t('common.never')}</td>
        <td class="actions">
          <div class="row-actions">
            <ToggleButton open={panel() === 'edit'} onToggle={toggle('edit')} label={t('common.edit')} />
            {/* Disabling goes through the caseload: its work is handed over first (CaseloadPanel). */}
            <Show
              when={!props.user.disabledAt}
              fallback={
                <button type="button" class="button small" onClick={() => run(() => trpc.users.enable.mutate({ id: id() }))}>
                  {t('users.enable')}
                </button>
              }
            >
              <ToggleButton
                open={panel() === 'caseload'}
                onToggle={toggle('caseload')}
                label={t('users.disable')}
                testId="user-disable-open"
              />
            </Show>
            <Show when={props.user.disabledAt}>
              <ToggleButton open={panel() === 'caseload'} onToggle={toggle('caseload')} label={ht('open')} testId="caseload-open" />
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
            <ToggleButton
              open={panel() === 'sessions'}
              onToggle={toggle('sessions')}
              label={ft('sessions.open')}
              testId="user-sessions-open"
            />
            {/* Only an enrolled account has a factor to reset, and one request at a time. */}
            <Show when={props.user.factor.enrolled && !props.user.factor.resetPending}>
              <ToggleButton
                open={panel() === 'factor'}
                onToggle={toggle('factor')}
                label={ft('resets.request')}
                testId="factor-reset-open"
              />
            </Show>
          </div>
        </td>
      </tr>
      <ToggleRow open={panel() !== null} columns={7}>
        <Switch>
          <Match when={panel() === 'edit'}>
            <h2 class="h3">{t('users.editTitle', { name: props.user.displayName })}</h2>
            <UserForm user={props.user} agencies={props.agencies} onDone={close} onCancel={close} />
          </Match>
          <Match when={panel() === 'factor'}>
            <FactorResetForm user={props.user} onDone={close} onCancel={close} />
          </Match>
          <Match when={panel() === 'sessions'}>
            <UserSessions user={props.user} />
          </Match>
          <Match when={panel() === 'caseload'}>
            <CaseloadPanel user={props.user} onDisabled={close} />
          </Match>
        </Switch>
      </ToggleRow>
    </>
  );
}
