import { For, Show, createSignal } from 'solid-js';
import { createAsync, useSearchParams } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { ToggleButton } from '../../components/Toggle';
import { getAgencies } from '../agencies/api';
import { OneTimePassword } from './OneTimePassword';
import { UserForm } from './UserForm';
import { UserRow } from './UserRow';
import { FactorResets } from './FactorResets';
import { ROLES, getUsers, type Role } from './api';
import { TableFrame } from '../../components/TableFrame';
import { createNotice } from '../../lib/notice';

function UsersTable() {
  const [params, setParams] = useSearchParams<{ q?: string; role?: string }>();
  const role = () => ((ROLES as readonly string[]).includes(params.role ?? '') ? (params.role as Role) : undefined);
  const users = createAsync(() => getUsers({ search: params.q || undefined, role: role() }));
  const agencies = createAsync(() => getAgencies());
  const active = () => (agencies() ?? []).filter((a) => a.active);
  const [creating, setCreating] = createSignal(false);
  const [otp, setOtp] = createSignal<{ email: string; password: string } | null>(null);
  const [error, setError] = createNotice<unknown>();
  const showPassword = (email: string, password: string) => {
    setError(null);
    setOtp({ email, password });
  };

  return (
    <>
      <Show when={otp()}>{(o) => <OneTimePassword email={o().email} password={o().password} onDone={() => setOtp(null)} />}</Show>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <div class="toolbar">
        {/* biome-ignore lint/a11y/useSemanticElements: a <form> with the search role submits; <search> would need a second element */}
        <form
          class="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
            setParams({ q: q || undefined });
          }}
        >
          <label for="user-search">{t('users.search')}</label>
          <input id="user-search" name="q" type="search" maxLength={120} value={params.q ?? ''} />
          <button type="submit" class="button">
            {t('users.searchButton')}
          </button>
        </form>
        <div class="field inline">
          <label for="role-filter">{t('users.roleFilter')}</label>
          <select id="role-filter" value={role() ?? ''} onChange={(e) => setParams({ role: e.currentTarget.value || undefined })}>
            <option value="">{t('users.allRoles')}</option>
            <For each={ROLES}>{(r) => <option value={r}>{tKey('roles', r)}</option>}</For>
          </select>
        </div>
        <ToggleButton open={creating()} onToggle={setCreating} label={t('users.new')} class="button primary push" testId="new-user" />
      </div>
      <Show when={creating()}>
        <section class="card" aria-labelledby="user-create-title">
          <h2 id="user-create-title">{t('users.createTitle')}</h2>
          <UserForm agencies={active()} onCreated={showPassword} onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />
        </section>
      </Show>
      <p class="muted" aria-live="polite">
        {t('users.count', { count: formatNumber(users()?.length ?? 0) })}
      </p>
      <TableFrame label={t('users.title')}>
        <table data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.agency')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastSignIn')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={users()}
              fallback={
                <tr>
                  <td colSpan={7} class="muted">
                    {t('users.empty')}
                  </td>
                </tr>
              }
            >
              {(user) => <UserRow user={user} agencies={active()} onError={setError} onPassword={showPassword} />}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

/** Admin › Users: the municipality's staff accounts. */
export default function UsersPage() {
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <p class="lead">{t('users.intro')}</p>
      <RequireRole roles={['admin']}>
        <FactorResets />
        <UsersTable />
      </RequireRole>
    </section>
  );
}
