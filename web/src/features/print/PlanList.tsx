import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatDate } from '../../lib/format';

interface Intervention {
  id: string;
  type: string;
  title: string;
  status: string;
  dueDate: Date | null;
  agency: { name: string } | null;
  assignee: { displayName: string } | null;
}

/** A support plan on paper: type, title, who carries it, status and due date. */
export function PlanList(props: { plan: Intervention[] }) {
  return (
    <Show when={props.plan.length} fallback={<p>{t('print.case.noPlan')}</p>}>
      <ul>
        <For each={props.plan}>
          {(i) => (
            <li>
              {tKey('interventionTypes', i.type)}: {i.title} · {i.agency?.name ?? ''}
              {i.assignee ? ` (${i.assignee.displayName})` : ''} · {tKey('interventionStatuses', i.status)}
              {i.dueDate ? ` · ${t('print.case.due', { date: formatDate(i.dueDate) })}` : ''}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
