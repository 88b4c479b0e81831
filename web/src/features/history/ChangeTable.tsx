import { Show, createResource, createSignal } from 'solid-js';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { DataTable } from '../../components/DataTable';
import { ToggleButton } from '../../components/Toggle';
import { PageError } from '../../components/PageError';
import { fieldLabel, valueText } from './values';

/** One change as the server gives it: a field's old and new value, who, when (and, for the plan, which intervention). */
export interface ChangeRow {
  field: string;
  from: unknown;
  to: unknown;
  at: Date | string;
  by: { displayName: string };
  title?: string;
}

/** The changes of a record, newest first: when, who, what, before, after. */
export function ChangeTable(props: { rows: readonly ChangeRow[]; label: string; testId: string }) {
  return (
    <DataTable
      testId={props.testId}
      label={props.label}
      headings={[t('changes.when'), t('changes.who'), t('changes.field'), t('changes.from'), t('changes.to')]}
      rows={props.rows}
      loaded
      empty={t('changes.empty')}
    >
      {(row) => (
        <tr>
          <td>{formatDateTime(row.at)}</td>
          <td>
            <bdi>{row.by.displayName}</bdi>
          </td>
          <td>
            {fieldLabel(row.field)}
            <Show when={row.title}>{(title) => <bdi class="muted block small">{title()}</bdi>}</Show>
          </td>
          <td class="prewrap" dir="auto">
            {valueText(row.field, row.from)}
          </td>
          <td class="prewrap" dir="auto">
            {valueText(row.field, row.to)}
          </td>
        </tr>
      )}
    </DataTable>
  );
}

/** One table of a history: `key` names it for tests (person, referral, summary, plan). */
export interface HistoryTable {
  key: string;
  heading: string;
  rows: readonly ChangeRow[];
}

/**
 * "History of changes" behind a button: read (and audited) only when asked for. `load` returns the
 * tables to show, each with its heading; the server leaves out what the reader may not see.
 */
export function HistoryToggle(props: { testId: string; load: () => Promise<HistoryTable[]> }) {
  const [open, setOpen] = createSignal(false);
  const [tables, { refetch }] = createResource(open, () => props.load());
  return (
    <div class="history-of-changes" data-testid={props.testId}>
      <ToggleButton
        open={open()}
        onToggle={setOpen}
        label={open() ? t('changes.hide') : t('changes.show')}
        testId={`${props.testId}-toggle`}
      />
      <Show when={open()}>
        <Show when={!tables.error} fallback={<PageError error={tables.error} reset={() => void refetch()} />}>
          <Show when={tables()} fallback={<p class="muted">{t('app.loading')}</p>}>
            {(list) =>
              list().map((table) => (
                <>
                  <h3 class="h3">{table.heading}</h3>
                  <ChangeTable rows={table.rows} label={table.heading} testId={`${props.testId}-${table.key}`} />
                </>
              ))
            }
          </Show>
        </Show>
      </Show>
    </div>
  );
}
