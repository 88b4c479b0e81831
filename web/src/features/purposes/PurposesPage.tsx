import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { RequireRole } from '../../components/Shell';
import { ListAdminPage } from '../../components/ListAdminPage';
import { PurposeForm } from './PurposeForm';
import { getActivePurposes, getAllPurposes, purposeLabel, type Purpose } from './api';

/** A relabel, retire or restore, then both lists again (the disclosure form's list changes too). */
async function write(work: () => Promise<unknown>) {
  await work();
  await Promise.all([revalidate(getAllPurposes.key), revalidate(getActivePurposes.key)]);
}

function PurposesTable() {
  const purposes = createAsync(() => getAllPurposes());
  return (
    <ListAdminPage<Purpose>
      testId="purposes-table"
      rowTestId="purpose-row"
      newTestId="new-purpose"
      rows={purposes()}
      columns={[
        { header: t('purposes.code'), cell: (p) => tKey('purposes.codes', p.code) },
        {
          header: t('purposes.labelAr'),
          cell: (p) => (
            <span lang="ar" dir="rtl">
              {p.labelAr}
            </span>
          ),
        },
        { header: t('purposes.labelFr'), cell: (p) => <span lang="fr">{p.labelFr}</span> },
        { header: t('purposes.labelEn'), cell: (p) => <span lang="en">{p.labelEn}</span> },
      ]}
      words={{
        title: t('purposes.title'),
        add: t('purposes.new'),
        createTitle: t('purposes.createTitle'),
        created: (name) => t('purposes.created', { name }),
        editTitle: (name) => t('purposes.editTitle', { name }),
        empty: t('purposes.empty'),
        active: t('purposes.active'),
        retired: t('purposes.retired'),
        retire: t('purposes.retire'),
        restore: t('purposes.restore'),
      }}
      nameOf={purposeLabel}
      isActive={(p) => p.retiredAt === null}
      setActive={(p, on) => write(() => trpc.purposes.update.mutate({ id: p.id, retired: !on }))}
      createForm={(done, cancel) => <PurposeForm onDone={done} onCancel={cancel} />}
      editForm={(purpose, done, cancel) => <PurposeForm purpose={purpose} onDone={done} onCancel={cancel} />}
    />
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
