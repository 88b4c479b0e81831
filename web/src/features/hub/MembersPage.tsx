import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/errors';
import { createNotice } from '../../lib/notice';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import { TableFrame } from '../../components/TableFrame';
import { RequireRole, useMe } from '../../components/Shell';
import { countryLabel, getMembers } from './api';

/** The hub admin's list of member cities: whether each shares, since when; remove one; add another. */
function Members() {
  const data = createAsync(() => getMembers());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<string>();
  const [added, setAdded] = createSignal('');
  const form = useForm({
    name: 'hub.addMember',
    fields: ['municipalityId'],
    refresh: getMembers.key,
    submit: (fields, keyed) => {
      const municipalityId = String(fields.get('municipalityId') ?? '');
      setAdded(data()?.candidates.find((c) => c.id === municipalityId)?.name ?? '');
      return trpc.hub.addMember.mutate({ municipalityId }, keyed);
    },
  });
  const remove = async (city: { id: string; name: string }) => {
    const ok = await writeThenRefresh(() => trpc.hub.removeMember.mutate({ municipalityId: city.id }), getMembers.key, setError);
    if (ok) setDone(t('hub.members.removed', { city: city.name }));
  };
  return (
    <Show when={data()}>
      {(d) => (
        <>
          <Alert kind="error" message={error() ? errorMessage(error()) : null} />
          <Alert kind="success" message={done()} />
          <Show when={d().members.length > 0} fallback={<p class="muted">{t('hub.members.none')}</p>}>
            <TableFrame label={t('hub.members.title')}>
              <table class="table" data-testid="hub-members">
                <thead>
                  <tr>
                    <th scope="col">{t('hub.members.city')}</th>
                    <th scope="col">{t('hub.members.country')}</th>
                    <th scope="col">{t('hub.members.sharing')}</th>
                    <th scope="col">{t('hub.members.since')}</th>
                    <td />
                  </tr>
                </thead>
                <tbody>
                  <For each={d().members}>
                    {(m) => (
                      <tr data-testid={`hub-member-${m.id}`}>
                        <th scope="row">{m.name}</th>
                        <td>{countryLabel(m.country)}</td>
                        <td>{m.shareFigures ? t('hub.members.yes') : t('hub.members.no')}</td>
                        <td>{formatDate(m.joinedAt)}</td>
                        <td>
                          <ConfirmButton label={t('hub.members.remove')} danger onConfirm={() => remove(m)} />
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableFrame>
          </Show>
          <h2 class="h3">{t('hub.members.add')}</h2>
          <Show when={d().candidates.length > 0} fallback={<p class="muted">{t('hub.members.noCandidates')}</p>}>
            <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="hub-add-member">
              <Alert kind="error" message={form.errors().banner} />
              <Alert kind="success" message={form.confirmed() ? t('hub.members.added', { city: added() }) : null} />
              <SelectField label={t('hub.members.choose')} name="municipalityId" required error={form.errors().fields.municipalityId}>
                <option value="" />
                <For each={d().candidates}>
                  {(c) => (
                    <option value={c.id}>
                      {c.name} ({countryLabel(c.country)})
                    </option>
                  )}
                </For>
              </SelectField>
              <SubmitButton form={form} label={t('hub.members.addButton')} testId="hub-add-submit" />
            </form>
          </Show>
        </>
      )}
    </Show>
  );
}

/** Admin › Hub members: for a hub's admin, its member cities; a city's admin is pointed to the settings page. */
export default function MembersPage() {
  const me = useMe();
  return (
    <section aria-labelledby="hub-members-title">
      <h1 id="hub-members-title">{t('hub.members.title')}</h1>
      <RequireRole roles={['admin']}>
        <Show when={me().municipality.kind === 'hub'} fallback={<p class="lead">{t('hub.members.notHub')}</p>}>
          <p class="lead">{t('hub.members.intro')}</p>
          <Members />
        </Show>
      </RequireRole>
    </section>
  );
}
