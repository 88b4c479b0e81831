import { type JSX, Show } from 'solid-js';
import { isErased } from '../../../../src/shared/erased';
import type { Words } from './words';

/** An item marked for review, as the server sends it. */
export interface ForReview<T> {
  review: string;
  kind: string;
  status: 'pending' | 'included' | 'withheld';
  reason: string | null;
  content: T | null;
}

/** Where the review page puts its include / withhold choice beside an item (absent on paper). */
export type ReviewControl = (item: ForReview<unknown>) => JSX.Element;

/**
 * An item for review: its content when it goes out (or while the coordinator reviews it), else
 * "withheld" with the reviewer's reason; in review, the decision's control beside it.
 */
export function Reviewed<T>(props: { item: ForReview<T>; w: Words; control?: ReviewControl; children: (content: T) => JSX.Element }) {
  return (
    <div class="sa-item" classList={{ 'sa-withheld': props.item.status === 'withheld' }} data-review={props.item.review}>
      <Show
        when={props.item.content}
        fallback={
          <p class="sa-withheld-text">
            {props.item.reason ? props.w.fill(props.w.doc.withheld, { reason: props.item.reason }) : props.w.doc.withheldPlain}
          </p>
        }
      >
        {(content) => props.children(content())}
      </Show>
      <Show when={props.control}>{(control) => control()(props.item as ForReview<unknown>)}</Show>
    </div>
  );
}

/** A text that may have been erased by retention. */
export const textOf = (w: Words, text: string | null | undefined) => (isErased(text) ? w.doc.erased : (text ?? ''));
