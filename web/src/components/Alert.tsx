import { Show, type JSX } from 'solid-js';

/**
 * A message region that is always in the page, so screen readers announce what appears in it.
 * Errors are assertive; confirmations are polite.
 */
export function Alert(props: {
  kind: 'error' | 'success' | 'info';
  message: string | null | undefined;
  testId?: string;
  children?: JSX.Element;
}) {
  return (
    <div
      class="alert-region"
      role={props.kind === 'error' ? 'alert' : 'status'}
      aria-live={props.kind === 'error' ? 'assertive' : 'polite'}
      data-testid={props.testId}
    >
      <Show when={props.message}>
        <p class={`alert alert-${props.kind}`}>
          {props.message}
          {props.children}
        </p>
      </Show>
    </div>
  );
}
