import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { formatNumber } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { ListAdminPage } from '../../components/ListAdminPage';
import { AgencyForm } from './AgencyForm';
import { getAgencies, type Agency } from './api';

function AgenciesTable() {
  const agencies = createAsync(() => getAgencies());
  return (
    <ListAdminPage<Agency>
      testId="agencies-table"
      rowTestId="agency-row"
      newTestId="new-agency"
      rows={agencies()}
      columns={[
        { header: t('agencies.name'), cell: (a) => a.name, class: 'name' },
        { header: t('agencies.kind'), cell: (a) => tKey('agencyKinds', a.kind) },
        { header: t('agencies.users'), cell: (a) => formatNumber(a._count.users), class: 'num' },
      ]}
      words={{
        title: t('agencies.title'),
        add: t('agencies.new'),
        createTitle: t('agencies.createTitle'),
        created: (name) => t('agencies.created', { name }),
        editTitle: (name) => t('agencies.editTitle', { name }),
        empty: t('agencies.empty'),
        active: t('agencies.active'),
        retired: t('agencies.inactive'),
        retire: t('agencies.deactivate'),
        restore: t('agencies.reactivate'),
      }}
      nameOf={(a) => a.name}
      isActive={(a) => a.active}
      setActive={async (a, active) => {
        await trpc.agencies.update.mutate({ id: a.id, active });
        await revalidate(getAgencies.key);
      }}
      createForm={(done, cancel) => <AgencyForm onDone={done} onCancel={cancel} />}
      editForm={(agency, done, cancel) => <AgencyForm agency={agency} onDone={done} onCancel={cancel} />}
    />
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
