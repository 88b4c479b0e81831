import { For, Show, type JSX } from 'solid-js';
import { TableFrame } from './TableFrame';

/** A column heading; `hidden` ones are read to screen readers only (e.g. the actions column). */
export type Heading = string | { hidden: string };

/**
 * A table of records: headings, one row per record, and a line saying the list is empty once it
 * has loaded (not while it is still loading).
 */
export function DataTable<T>(props: {
  testId: string;
  /** What the table lists, naming its scrolling frame (distinct from the section's own name). */
  label: string;
  headings: readonly Heading[];
  rows: readonly T[];
  loaded: boolean;
  empty: string;
  busy?: boolean;
  children: (row: T) => JSX.Element;
}) {
  return (
    <TableFrame label={props.label} busy={props.busy}>
      <table data-testid={props.testId}>
        <thead>
          <tr>
            <For each={props.headings}>
              {(h) => <th scope="col">{typeof h === 'string' ? h : <span class="visually-hidden">{h.hidden}</span>}</th>}
            </For>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <Show when={props.loaded}>
                <tr>
                  <td colSpan={props.headings.length} class="muted">
                    {props.empty}
                  </td>
                </tr>
              </Show>
            }
          >
            {(row) => props.children(row)}
          </For>
        </tbody>
      </table>
    </TableFrame>
  );
}
