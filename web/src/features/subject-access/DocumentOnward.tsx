import { For, Show } from 'solid-js';
import type { SubjectAccessDocument } from './api';
import { textOf } from './Reviewed';
import type { Words } from './words';

type Onward = SubjectAccessDocument['cases'][number]['onward'];

/**
 * What was sent about the person to another service (a case's onward referrals, a signposted
 * referral's): where, when, what else the agency was told, and its answer. `empty` says so when none.
 */
export function DocumentOnward(props: { w: Words; onward: Onward; empty?: boolean }) {
  const w = () => props.w;
  return (
    <Show when={props.onward.length || props.empty}>
      <h4>{w().doc.onward}</h4>
      <For each={props.onward} fallback={<p class="muted">{w().doc.noOnward}</p>}>
        {(o) => {
          const facts = () =>
            (['name', 'birthYear', 'cohort'] as const)
              .filter((k) => o.shared[k])
              .map((k) => w().of('onward.share', k))
              .join(', ');
          return (
            <div class="sa-item" data-testid="sa-onward">
              <p class="muted small">
                <span dir="auto">{w().fill(w().doc.onwardSent, { to: o.to, date: w().date(o.sentAt) })}</span> ·{' '}
                {w().of('onward.status', o.status)}
              </p>
              <p class="print-text" dir="auto">
                {textOf(w(), o.summary)}
              </p>
              <Show when={facts()}>
                <p>{w().fill(w().doc.onwardAlso, { facts: facts() })}</p>
              </Show>
              <Show when={o.declineReason}>
                <p dir="auto">{w().fill(w().doc.onwardDeclined, { date: w().date(o.answeredAt), reason: textOf(w(), o.declineReason) })}</p>
              </Show>
              <Show when={o.outcome}>
                <p dir="auto">
                  {w().fill(w().doc.onwardOutcome, { date: w().date(o.outcomeAt), outcome: w().of('onward.outcomes', o.outcome) })}
                  {o.outcomeNote ? ` · ${textOf(w(), o.outcomeNote)}` : ''}
                </p>
              </Show>
            </div>
          );
        }}
      </For>
    </Show>
  );
}
