import { For, Show, createSignal, type JSX } from 'solid-js';
import { t } from '../i18n';
import { errorMessage } from '../lib/errors';
import { actionStarted, createNotice } from '../lib/notice';
import { Alert } from './Alert';
import { TableFrame } from './TableFrame';
import { ActiveSwitch, ToggleButton, ToggleRow } from './Toggle';

/** A column of a ListAdminPage table: its heading and what a row shows in it. */
export interface ListColumn<T> {
  header: string;
  cell: (row: T) => JSX.Element;
  /** The cells' class (`name`, `num`). */
  class?: string;
}

/** The words a ListAdminPage speaks, each already in the reader's language. */
export interface ListWords {
  title: string;
  add: string;
  createTitle: string;
  created: (name: string) => string;
  editTitle: (name: string) => string;
  empty: string;
  active: string;
  retired: string;
  retire: string;
  restore: string;
  moveUp?: (name: string) => string;
  moveDown?: (name: string) => string;
}

/**
 * A settings list an admin keeps (list, add, relabel, retire and restore, optionally reorder): the
 * rows with their columns, a status badge and the row's actions, the "add" form above the table and
 * an edit form under a row. The page supplies the rows, the forms and the writes; the writes refresh
 * their own queries and throw a translated error, shown above the table.
 */
export function ListAdminPage<T extends { id: string }>(props: {
  rows: T[] | undefined;
  columns: ListColumn<T>[];
  words: ListWords;
  nameOf: (row: T) => string;
  isActive: (row: T) => boolean;
  setActive: (row: T, active: boolean) => Promise<unknown>;
  /** Moves a row to a 0-based position of the list; without it the list has no order of its own. */
  move?: (row: T, position: number) => Promise<unknown>;
  createForm: (done: (saved: T) => void, cancel: () => void) => JSX.Element;
  editForm?: (row: T, done: () => void, cancel: () => void) => JSX.Element;
  /** The table's test id; rows are `<testId>-row`, the add button `<testId>-new`, unless named below. */
  testId: string;
  rowTestId?: string;
  newTestId?: string;
}) {
  const [creating, setCreating] = createSignal(false);
  // Each shown until the next action (lib/notice.ts): a confirmation never sits beside a later failure.
  const [created, setCreated] = createNotice<string>();
  const [error, setError] = createNotice<unknown>();
  const columns = () => props.columns.length + 2;
  const write = async (work: () => Promise<unknown>) => {
    actionStarted();
    await work().catch(setError);
  };
  return (
    <>
      <div class="toolbar">
        <ToggleButton
          open={creating()}
          onToggle={setCreating}
          label={props.words.add}
          class="button primary"
          testId={props.newTestId ?? `${props.testId}-new`}
        />
      </div>
      <Alert kind="success" message={created() ? props.words.created(created()!) : null} />
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Show when={creating()}>
        <section class="card" aria-label={props.words.createTitle}>
          <h3>{props.words.createTitle}</h3>
          {props.createForm(
            (saved) => setCreated(props.nameOf(saved)),
            () => setCreating(false),
          )}
        </section>
      </Show>
      <TableFrame label={props.words.title}>
        <table data-testid={props.testId}>
          <thead>
            <tr>
              <For each={props.columns}>{(c) => <th scope="col">{c.header}</th>}</For>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.rows}
              fallback={
                <tr>
                  <td colSpan={columns()} class="muted">
                    {props.words.empty}
                  </td>
                </tr>
              }
            >
              {(row, i) => {
                const [editing, setEditing] = createSignal(false);
                const active = () => props.isActive(row);
                return (
                  <>
                    <tr classList={{ inactive: !active() }} data-testid={props.rowTestId ?? `${props.testId}-row`}>
                      <For each={props.columns}>{(c) => <td class={c.class}>{c.cell(row)}</td>}</For>
                      <td>
                        <span class="badge" classList={{ ok: active(), muted: !active() }}>
                          {active() ? props.words.active : props.words.retired}
                        </span>
                      </td>
                      <td class="actions">
                        <div class="row-actions">
                          <Show when={props.move}>
                            {(move) => (
                              <>
                                <button
                                  type="button"
                                  class="button small"
                                  disabled={i() === 0}
                                  aria-label={props.words.moveUp?.(props.nameOf(row))}
                                  onClick={() => write(() => move()(row, i() - 1))}
                                >
                                  ↑
                                </button>
                                <button
                                  type="button"
                                  class="button small"
                                  disabled={i() === (props.rows?.length ?? 0) - 1}
                                  aria-label={props.words.moveDown?.(props.nameOf(row))}
                                  onClick={() => write(() => move()(row, i() + 1))}
                                >
                                  ↓
                                </button>
                              </>
                            )}
                          </Show>
                          <Show when={props.editForm}>
                            <ToggleButton open={editing()} onToggle={setEditing} label={t('common.edit')} />
                          </Show>
                          <ActiveSwitch
                            active={active()}
                            onChange={(on) => write(() => props.setActive(row, on))}
                            offLabel={props.words.retire}
                            onLabel={props.words.restore}
                          />
                        </div>
                      </td>
                    </tr>
                    <Show when={props.editForm}>
                      {(form) => (
                        <ToggleRow open={editing()} columns={columns()}>
                          <h3 class="h3">{props.words.editTitle(props.nameOf(row))}</h3>
                          {form()(
                            row,
                            () => setEditing(false),
                            () => setEditing(false),
                          )}
                        </ToggleRow>
                      )}
                    </Show>
                  </>
                );
              }}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
