import { For, type JSX } from 'solid-js';
import { LoadMore } from './LoadMore';
import { TableFrame } from './TableFrame';

/**
 * A keyset-paged table: its headings, one row per item (or one row saying there are none), and the
 * "load more" button or the words that the list has ended. The frame scrolls on its own on a narrow screen.
 */
export function PagedTable<T>(props: {
  testId: string;
  /** What the table lists, naming its scrolling frame. */
  label: string;
  class?: string;
  headings: string[];
  items: T[];
  row: (item: T) => JSX.Element;
  empty: string;
  next: string | null;
  pending: boolean;
  more: string;
  end: string;
  onMore: (cursor: string) => void;
}) {
  return (
    <>
      <TableFrame label={props.label} busy={props.pending}>
        <table data-testid={props.testId} class={props.class}>
          <thead>
            <tr>
              <For each={props.headings}>{(heading) => <th scope="col">{heading}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.items}
              fallback={
                <tr>
                  <td colSpan={props.headings.length} class="muted">
                    {props.empty}
                  </td>
                </tr>
              }
            >
              {(item) => props.row(item)}
            </For>
          </tbody>
        </table>
      </TableFrame>
      <LoadMore
        next={props.next}
        pending={props.pending}
        any={props.items.length > 0}
        label={props.more}
        end={props.end}
        onMore={props.onMore}
      />
    </>
  );
}
