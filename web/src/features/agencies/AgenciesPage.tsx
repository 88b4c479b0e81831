import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { ActiveSwitch, ToggleButton, ToggleRow } from '../../components/Toggle';
import { AgencyForm } from './AgencyForm';
import { getAgencies, type Agency } from './api';
import { TableFrame } from '../../components/TableFrame';
import { createNotice } from '../../lib/notice';

function AgencyRow(props: { agency: Agency; onError: (err: unknown) => void }) {
  const [editing, setEditing] = createSignal(false);
  const setActive = (active: boolean) =>
    writeThenRefresh(() => trpc.agencies.update.mutate({ id: props.agency.id, active }), getAgencies.key, props.onError);
  return (
    <>
      <tr classList={{ inactive: !props.agency.active }} data-testid="agency-row">
        <td class="name">{props.agency.name}</td>
        <td>{tKey('agencyKinds', props.agency.kind)}</td>
        <td class="num">{formatNumber(props.agency._count.users)}</td>
        <td>
          <span class="badge" classList={{ ok: props.agency.active, muted: !props.agency.active }}>
            {props.agency.active ? t('agencies.active') : t('agencies.inactive')}
          </span>
        </td>
        <td class="actions">
          <div class="row-actions">
            <ToggleButton open={editing()} onToggle={setEditing} label={t('common.edit')} />
            <ActiveSwitch
              active={props.agency.active}
              onChange={setActive}
              offLabel={t('agencies.deactivate')}
              onLabel={t('agencies.reactivate')}
            />
          </div>
        </td>
      </tr>
      <ToggleRow open={editing()} columns={5}>
        <h2 class="h3">{t('agencies.editTitle', { name: props.agency.name })}</h2>
        <AgencyForm agency={props.agency} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </ToggleRow>
    </>
  );
}

function AgenciesTable() {
  const agencies = createAsync(() => getAgencies());
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createNotice<string>();
  const [error, setError] = createNotice<unknown>();
  return (
    <>
      <div class="toolbar">
        <ToggleButton open={creating()} onToggle={setCreating} label={t('agencies.new')} class="button primary" testId="new-agency" />
      </div>
      <Alert kind="success" message={created() ? t('agencies.created', { name: created()! }) : null} />
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Show when={creating()}>
        <section class="card" aria-labelledby="agency-create-title">
          <h2 id="agency-create-title">{t('agencies.createTitle')}</h2>
          <AgencyForm onDone={(a) => setCreated(a.name)} onCancel={() => setCreating(false)} />
        </section>
      </Show>
      <TableFrame label={t('agencies.title')}>
        <table data-testid="agencies-table">
          <thead>
            <tr>
              <th scope="col">{t('agencies.name')}</th>
              <th scope="col">{t('agencies.kind')}</th>
              <th scope="col">{t('agencies.users')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={agencies()}
              fallback={
                <tr>
                  <td colSpan={5} class="muted">
                    {t('agencies.empty')}
                  </td>
                </tr>
              }
            >
              {(agency) => <AgencyRow agency={agency} onError={setError} />}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

/** Admin › Agencies: the partner agencies of the network. */
export default function AgenciesPage() {
  return (
    <section aria-labelledby="agencies-title">
      <h1 id="agencies-title">{t('agencies.title')}</h1>
      <p class="lead">{t('agencies.intro')}</p>
      <RequireRole roles={['admin']}>
        <AgenciesTable />
      </RequireRole>
    </section>
  );
}
