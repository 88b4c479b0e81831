import { For } from 'solid-js';
import { createAsync, revalidate } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { RequireRole } from '../../components/Shell';
import { ListAdminPage } from '../../components/ListAdminPage';
import { LIST_KINDS, type ListKind } from '../../../../src/shared/vocabulary';
import { ListItemForm } from './ListItemForm';
import { coreLabel, getListItems, itemLabel, type ListItem } from './api';

function ListSection(props: { list: ListKind; items: ListItem[] | undefined }) {
  const rows = () => props.items?.filter((i) => i.list === props.list);
  const title = () => tKey('lists.kinds', props.list);
  return (
    <section class="list-section" aria-labelledby={`list-${props.list}-title`}>
      <h2 id={`list-${props.list}-title`}>{title()}</h2>
      <ListAdminPage
        testId={`list-${props.list}`}
        rows={rows()}
        columns={[
          { header: t('lists.code'), cell: (i) => coreLabel(props.list, i.code) },
          {
            header: t('lists.labelAr'),
            cell: (i) => (
              <span lang="ar" dir="rtl">
                {i.labelAr}
              </span>
            ),
          },
          { header: t('lists.labelFr'), cell: (i) => <span lang="fr">{i.labelFr}</span> },
          { header: t('lists.labelEn'), cell: (i) => <span lang="en">{i.labelEn}</span> },
        ]}
        words={{
          title: title(),
          add: t('lists.new'),
          createTitle: t('lists.createTitle'),
          created: (name) => t('lists.created', { name }),
          editTitle: (name) => t('lists.editTitle', { name }),
          empty: t('lists.empty'),
          active: t('lists.active'),
          retired: t('lists.retired'),
          retire: t('lists.retire'),
          restore: t('lists.restore'),
          moveUp: (name) => t('lists.moveUp', { name }),
          moveDown: (name) => t('lists.moveDown', { name }),
        }}
        nameOf={itemLabel}
        isActive={(i) => i.retiredAt === null}
        setActive={(i, on) => write(() => trpc.lists.update.mutate({ id: i.id, retired: !on }))}
        move={(i, position) => write(() => trpc.lists.update.mutate({ id: i.id, position }))}
        createForm={(done, cancel) => <ListItemForm list={props.list} onDone={done} onCancel={cancel} />}
        editForm={(item, done, cancel) => <ListItemForm list={props.list} item={item} onDone={done} onCancel={cancel} />}
      />
    </section>
  );
}

/** A write, then the lists again (every form that offers them reads the same query). */
async function write(work: () => Promise<unknown>) {
  await work();
  await revalidate(getListItems.key);
}

/** Admin › Lists: the municipality's cohorts, concern categories, intervention types and closure reasons. */
export default function ListsPage() {
  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">{t('lists.title')}</h1>
      <p class="lead">{t('lists.intro')}</p>
      <RequireRole roles={['admin']}>
        <Lists />
      </RequireRole>
    </section>
  );
}

function Lists() {
  const items = createAsync(() => getListItems());
  return <For each={LIST_KINDS}>{(list) => <ListSection list={list} items={items()} />}</For>;
}
