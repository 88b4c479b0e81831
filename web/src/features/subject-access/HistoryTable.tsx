import { For, Show } from 'solid-js';
import { isErased } from '../../../../src/shared/erased';
import type { SubjectAccessDocument } from './api';
import { staffText } from './staff';
import type { Words } from './words';

type HistoryEntry = NonNullable<SubjectAccessDocument['person']['history']>[number] & { withheld?: boolean };

const value = (w: Words, field: string, v: unknown): string => {
  if (v === null || v === undefined) return w.doc.empty;
  if (typeof v === 'string' && isErased(v)) return w.doc.erased;
  if (Array.isArray(v)) return v.map((x) => value(w, field, x)).join(', ');
  if (field === 'sex') return w.of('sexes', String(v));
  if (field === 'cohort') return w.of('cohorts', String(v));
  if (field === 'source') return w.of('sources', String(v));
  if (field === 'urgency') return w.of('urgencies', String(v));
  if (field === 'concernCategories') return w.of('concernCategories', String(v));
  if (field === 'status') return w.of('interventionStatuses', String(v));
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** A record's field history: what changed, from what to what, when and by whom (a guardian's values only if included). */
export function HistoryTable(props: { w: Words; entries: HistoryEntry[] | null }) {
  const w = () => props.w;
  return (
    <Show when={props.entries} fallback={<p>{w().doc.anonymised}</p>}>
      {(entries) => (
        <Show when={entries().length} fallback={<p class="muted">{w().doc.noHistory}</p>}>
          <table class="sa-table">
            <thead>
              <tr>
                <th>{w().doc.when}</th>
                <th>{w().doc.field}</th>
                <th>{w().doc.from}</th>
                <th>{w().doc.to}</th>
                <th>{w().doc.by}</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {(h) => (
                  <tr>
                    <td>{w().date(h.at)}</td>
                    <td>{w().of('changes.fields', h.field)}</td>
                    <td dir="auto">{h.withheld ? w().doc.withheldPlain : value(w(), h.field, h.from)}</td>
                    <td dir="auto">{h.withheld ? w().doc.withheldPlain : value(w(), h.field, h.to)}</td>
                    <td>{staffText(w(), h.by)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      )}
    </Show>
  );
}
