import { Show, createSignal } from 'solid-js';
import type { HistoryType } from '../../../../src/shared/audit-actions';
import { AccessHistory } from './AccessHistory';

/** For coordinators on a case's page: "who has seen this", read (and audited) only when opened. */
export function WhoHasSeen(props: { type: HistoryType; id: string; label: string }) {
  const [open, setOpen] = createSignal(false);
  return (
    <details class="card" data-testid={`who-has-seen-${props.type}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{props.label}</summary>
      <Show when={open()}>
        <AccessHistory ask={{ type: props.type, id: props.id }} />
      </Show>
    </details>
  );
}
