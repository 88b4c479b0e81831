import { Show, type JSX } from 'solid-js';
import { ConfirmButton } from './ConfirmButton';

/** A button that shows or hides what it controls (a form); `aria-expanded` says which. */
export function ToggleButton(props: { open: boolean; onToggle: (open: boolean) => void; label: string; class?: string; testId?: string }) {
  return (
    <button
      type="button"
      class={props.class ?? 'button small'}
      aria-expanded={props.open}
      onClick={() => props.onToggle(!props.open)}
      data-testid={props.testId}
    >
      {props.label}
    </button>
  );
}

/** The row under a table row that holds its form while open, across every column. */
export function ToggleRow(props: { open: boolean; columns: number; children: JSX.Element }) {
  return (
    <Show when={props.open}>
      <tr class="edit-row">
        <td colSpan={props.columns}>{props.children}</td>
      </tr>
    </Show>
  );
}

/** A button that gives way to what it opens (a form) until that closes. */
export function Opener(props: {
  open: boolean;
  onOpen: () => void;
  label: string;
  class?: string;
  testId?: string;
  children: JSX.Element;
}) {
  return (
    <Show
      when={props.open}
      fallback={
        <button type="button" class={props.class ?? 'button'} onClick={() => props.onOpen()} data-testid={props.testId}>
          {props.label}
        </button>
      }
    >
      {props.children}
    </Show>
  );
}

/**
 * A record's on/off switch in its row: switching off (deactivate, retire, disable) asks first,
 * switching back on does not.
 */
export function ActiveSwitch(props: {
  active: boolean;
  onChange: (active: boolean) => Promise<unknown>;
  offLabel: string;
  onLabel: string;
}) {
  return (
    <Show
      when={props.active}
      fallback={
        <button type="button" class="button small" onClick={() => props.onChange(true)}>
          {props.onLabel}
        </button>
      }
    >
      <ConfirmButton label={props.offLabel} danger onConfirm={() => props.onChange(false)} />
    </Show>
  );
}
