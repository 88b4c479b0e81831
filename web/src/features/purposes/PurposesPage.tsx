import { For, Show, createSignal } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { ActiveSwitch, ToggleButton, ToggleRow } from '../../components/Toggle';
import { TableFrame } from '../../components/TableFrame';
import { PurposeForm } from './PurposeForm';
import { getActivePurposes, getAllPurposes, purposeLabel, type Purpose } from './api';
import { createNotice } from '../../lib/notice';

function PurposeRow(props: { purpose: Purpose; onError: (err: unknown) => void }) {
  const [editing, setEditing] = createSignal(false);
  const active = () => props.purpose.retiredAt === null;
  const setActive = (on: boolean) =>
    writeThenRefresh(
      async () => {
        await trpc.purposes.update.mutate({ id: props.purpose.id, retired: !on });
        // The disclosure form's list changes too.
        await revalidate(getActivePurposes.key);
      },
      getAllPurposes.key,
      props.onError,
    );
  return (
    <>
      <tr classList={{ inactive: !active() }} data-testid="purpose-row">
        <td>{tKey('purposes.codes', props.purpose.code)}</td>
        <td lang="ar" dir="rtl">
          {props.purpose.labelAr}
        </td>
        <td lang="fr">{props.purpose.labelFr}</td>
        <td lang="en">{props.purpose.labelEn}</td>
        <td>
          <span class="badge" classList={{ ok: active(), muted: !active() }}>
            {active() ? t('purposes.active') : t('purposes.retired')}
          </span>
        </td>
        <td class="actions">
          <div class="row-actions">
            <ToggleButton open={editing()} onToggle={setEditing} label={t('common.edit')} />
            <ActiveSwitch active={active()} onChange={setActive} offLabel={t('purposes.retire')} onLabel={t('purposes.restore')} />
          </div>
        </td>
      </tr>
      <ToggleRow open={editing()} columns={6}>
        <h2 class="h3">{t('purposes.editTitle', { name: purposeLabel(props.purpose) })}</h2>
        <PurposeForm purpose={props.purpose} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </ToggleRow>
    </>
  );
}

function PurposesTable() {
  const purposes = createAsync(() => getAllPurposes());
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createNotice<string>();
  const [error, setError] = createNotice<unknown>();
  return (
    <>
      <div class="toolbar">
        <ToggleButton open={creating()} onToggle={setCreating} label={t('purposes.new')} class="button primary" testId="new-purpose" />
      </div>
      <Alert kind="success" message={created() ? t('purposes.created', { name: created()! }) : null} />
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Show when={creating()}>
        <section class="card" aria-labelledby="purpose-create-title">
          <h2 id="purpose-create-title">{t('purposes.createTitle')}</h2>
          <PurposeForm onDone={(p) => setCreated(purposeLabel(p))} onCancel={() => setCreating(false)} />
        </section>
      </Show>
      <TableFrame label={t('purposes.title')}>
        <table data-testid="purposes-table">
          <thead>
            <tr>
              <th scope="col">{t('purposes.code')}</th>
              <th scope="col">{t('purposes.labelAr')}</th>
              <th scope="col">{t('purposes.labelFr')}</th>
              <th scope="col">{t('purposes.labelEn')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={purposes()}
              fallback={
                <tr>
                  <td colSpan={6} class="muted">
                    {t('purposes.empty')}
                  </td>
                </tr>
              }
            >
              {(purpose) => <PurposeRow purpose={purpose} onError={setError} />}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

/** Admin › Disclosure purposes: the municipality's list, in three languages, each with its core purpose. */
export default function PurposesPage() {
  return (
    <section aria-labelledby="purposes-title">
      <h1 id="purposes-title">{t('purposes.title')}</h1>
      <p class="lead">{t('purposes.intro')}</p>
      <RequireRole roles={['admin']}>
        <PurposesTable />
      </RequireRole>
    </section>
  );
}
