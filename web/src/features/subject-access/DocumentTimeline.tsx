import { For, Show } from 'solid-js';
import type { SubjectAccessDocument } from './api';
import { type ReviewControl, Reviewed, textOf } from './Reviewed';
import { staffText } from './staff';
import type { Words } from './words';

type Entry = SubjectAccessDocument['cases'][number]['timeline'][number];
type Facts = Entry['facts'];

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** An entry's facts in the document's language: stages, dates, codes; never an id. */
function factsOf(w: Words, kind: string, f: Facts): string[] {
  const date = (v: unknown) => (str(v) ? w.date(str(v)) : '');
  const out: string[] = [];
  const move = (prefix: string) => {
    if (str(f.from) || str(f.to)) out.push(`${w.of(prefix, str(f.from))} → ${w.of(prefix, str(f.to))}`);
  };
  switch (kind) {
    case 'stage':
    case 'close':
    case 'reopen':
      move('stages');
      if (str(f.closureReason)) out.push(w.of('work.closureReasons', str(f.closureReason)));
      if (str(f.followUpAt)) out.push(w.fill(w.doc.followUp, { date: date(f.followUpAt) }));
      break;
    case 'review':
      if (str(f.next)) out.push(w.fill(w.doc.nextReview, { date: date(f.next) }));
      break;
    case 'assign':
    case 'transfer':
      if (str(f.role)) out.push(w.of('subjectAccess.doc.timelineRoles', str(f.role)));
      break;
    case 'disclose':
    case 'revoke':
    case 'break_glass':
      if (list(f.sections).length)
        out.push(
          list(f.sections)
            .map((s) => w.of('sections', s))
            .join(', '),
        );
      if (str(f.purposeCode)) out.push(w.of('purposes.codes', str(f.purposeCode)));
      if (str(f.legalBasis)) out.push(w.of('legalBases', str(f.legalBasis)));
      if (str(f.expiresAt)) out.push(w.fill(w.doc.until, { date: date(f.expiresAt) }));
      break;
    case 'consent':
      for (const k of ['recorded', 'withdrawn'] as const) if (f[k] === true) out.push(w.of('subjectAccess.doc.consentFacts', k));
      if (str(f.ended)) out.push(w.of('subjectAccess.doc.consentFacts', 'ended'));
      if (list(f.purposes).length)
        out.push(
          list(f.purposes)
            .map((p) => w.of('consent.purposeOf', p))
            .join(', '),
        );
      if (str(f.method)) out.push(w.of('consent.methodOf', str(f.method)));
      if (str(f.expiresAt)) out.push(w.fill(w.doc.until, { date: date(f.expiresAt) }));
      break;
    case 'intervention':
      if (str(f.type)) out.push(w.of('interventionTypes', str(f.type)));
      break;
    case 'intervention.update':
      move('interventionStatuses');
      break;
    case 'panel_decision':
      if (str(f.decision)) out.push(w.of('decisions', str(f.decision)));
      break;
  }
  return out.filter(Boolean);
}

/**
 * The case's timeline, oldest first: what happened, when, by whom (role, or name when staff are named)
 * and the facts; the words minuted with an entry (a reason, an old purpose) are an item for review.
 */
export function DocumentTimeline(props: { w: Words; entries: Entry[]; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <>
      <h4>{w().doc.timeline}</h4>
      <Show when={props.entries.length} fallback={<p class="muted">{w().doc.noTimeline}</p>}>
        <ol class="sa-timeline" data-testid="sa-timeline">
          <For each={props.entries}>
            {(e) => (
              <li data-testid="sa-timeline-entry">
                <p>
                  {w().date(e.at)} · {w().of('subjectAccess.doc.timelineKinds', e.kind)}
                  {e.by ? ` · ${staffText(w(), e.by)}` : ''}
                </p>
                <Show when={[...factsOf(w(), e.kind, e.facts), ...(e.agency ? [e.agency] : [])].join(' · ')}>
                  {(facts) => (
                    <p class="muted small" dir="auto">
                      {facts()}
                    </p>
                  )}
                </Show>
                <Show when={e.words}>
                  {(item) => (
                    <Reviewed item={item()} w={w()} control={props.control}>
                      {(c) => (
                        <>
                          <Show when={c.reason !== null}>
                            <p class="print-text" dir="auto">
                              {w().fill(w().doc.reasonWords, { words: textOf(w(), c.reason) })}
                            </p>
                          </Show>
                          <Show when={c.purpose !== null}>
                            <p class="print-text" dir="auto">
                              {w().fill(w().doc.purposeWords, { words: textOf(w(), c.purpose) })}
                            </p>
                          </Show>
                        </>
                      )}
                    </Reviewed>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </>
  );
}
