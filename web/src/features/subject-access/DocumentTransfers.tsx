import { For, Show } from 'solid-js';
import type { SubjectAccessDocument } from './api';
import { textOf } from './Reviewed';
import type { Words } from './words';

type Transfers = SubjectAccessDocument['cases'][number]['transfers'];

/**
 * The moves of a case between member cities (modules/transfers): proposed from here, or received from
 * another city; what would go, on which legal basis and why, and the answer. Staff are not named; the
 * other city's file only by its reference. Nothing shown when the case never moved.
 */
export function DocumentTransfers(props: { w: Words; transfers: Transfers }) {
  const w = () => props.w;
  const word = (key: string, args: Record<string, string>) => w().fill(w().of('transfers.doc', key), args);
  return (
    <Show when={props.transfers.length > 0}>
      <h4>{w().of('transfers.doc', 'title')}</h4>
      <For each={props.transfers}>
        {(x) => (
          <div class="sa-item" data-testid="sa-transfer">
            <p class="muted small" dir="auto">
              {x.direction === 'sent'
                ? word('sent', { city: x.city ?? '', date: w().date(x.proposedAt) })
                : word('received', { city: x.city ?? '', reference: x.otherReference ?? '', date: w().date(x.proposedAt) })}
            </p>
            <p>
              {word('sections', {
                sections: [w().of('transfers', 'identity'), ...x.sections.map((s) => w().of('transfers.sectionOf', s))].join(', '),
              })}
            </p>
            <p dir="auto">
              {word('basis', { basis: w().of('legalBases', x.legalBasis) })}
              {x.justification ? ` · ${textOf(w(), x.justification)}` : ''}
            </p>
            <Show when={x.decidedAt}>
              <p dir="auto">
                {word('decided', { status: w().of('transfers.status', x.status), date: w().date(x.decidedAt) })}
                {x.declineReason ? ` · ${textOf(w(), x.declineReason)}` : ''}
              </p>
            </Show>
            <Show when={x.direction === 'sent' && x.otherReference}>
              <p>{word('theirFile', { reference: x.otherReference ?? '' })}</p>
            </Show>
          </div>
        )}
      </For>
    </Show>
  );
}
