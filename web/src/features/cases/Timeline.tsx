import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatDate, formatDateTime, formatList } from '../../lib/format';
import type { Case, TimelineEntry } from './api';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Names for the ids an entry mentions, from what the page already knows (never another request). */
function namesOf(c: Case): Map<string, string> {
  const names = new Map<string, string>();
  if (c.keyWorker) names.set(c.keyWorker.id, c.keyWorker.displayName);
  if (c.leadAgency) names.set(c.leadAgency.id, c.leadAgency.name);
  for (const i of c.plan ?? []) {
    names.set(i.agency.id, i.agency.name);
    if (i.assignee) names.set(i.assignee.id, i.assignee.displayName);
  }
  for (const d of c.team ?? []) {
    if (d.agency) names.set(d.agency.id, d.agency.name);
    if (d.user) names.set(d.user.id, d.user.displayName);
  }
  return names;
}

/** One entry in words: what happened, and the facts the user may know about it. */
function describe(e: TimelineEntry, names: Map<string, string>): { title: string; detail: string[] } {
  const data = (e.data ?? {}) as Data;
  const name = (id: unknown) => names.get(str(id) ?? '') ?? t('timeline.someone');
  const stage = (v: unknown) => (str(v) ? tKey('stages', str(v)!) : t('common.none'));
  // The user's words, or the code of what ended it without words (a transfer to another city: transfers/leave.ts).
  const ended = e.kind !== 'consent' && str(data.ended) ? [tKey('team.ended', str(data.ended)!)] : [];
  const reason = [...(str(data.reason) ? [str(data.reason)!] : []), ...ended];
  switch (e.kind) {
    case 'assign':
    case 'transfer': {
      const role = data.role === 'leadAgency' ? t('timeline.leadAgency') : t('timeline.keyWorker');
      return { title: `${tKey('timeline', e.kind)} (${role})`, detail: [name(data.to)] };
    }
    case 'disclose':
    case 'revoke': {
      const sections = Array.isArray(data.sections) ? formatList(data.sections.map((s) => tKey('sections', String(s)))) : '';
      const until = str(data.expiresAt) ? formatDate(str(data.expiresAt)) : '';
      return {
        title: tKey('timeline', e.kind, e.kind, { to: name(data.agencyId ?? data.userId) }),
        // The listed purpose's core code; entries from before the list kept the purpose's words.
        detail: [
          sections,
          str(data.purposeCode) ? tKey('purposes.codes', str(data.purposeCode)!) : (str(data.purpose) ?? ''),
          until,
          ...reason,
        ].filter(Boolean),
      };
    }
    case 'stage':
      return { title: tKey('timeline', 'stage', e.kind, { from: stage(data.from), to: stage(data.to) }), detail: reason };
    case 'intervention':
      return { title: t('plan.timelineAdded'), detail: [tKey('interventionTypes', str(data.type) ?? 'other'), name(data.agencyId)] };
    case 'intervention.update': {
      const status = (v: unknown) => tKey('interventionStatuses', str(v) ?? '');
      if (data.from === data.to) return { title: t('plan.timelineOutcome'), detail: [status(data.to)] };
      return { title: t('plan.timelineUpdated', { from: status(data.from), to: status(data.to) }), detail: ended };
    }
    case 'handover': {
      // A departing colleague's work (users.handover): the items this reader may know of.
      const parts = [
        data.keyWorker === true ? t('timeline.keyWorker') : '',
        ...(Array.isArray(data.interventionIds) && data.interventionIds.length ? [t('sections.plan')] : []),
      ].filter(Boolean);
      return { title: tKey('timeline', 'handover', e.kind, { from: name(data.from), to: name(data.to) }), detail: parts };
    }
    case 'consent': {
      // Recorded, renewed, or disclosures ended by a withdrawal / expiry / renewal (consent/*).
      const until = str(data.expiresAt) ? t('consent.liveUntil', { at: formatDate(str(data.expiresAt)) }) : '';
      const purposes = Array.isArray(data.purposes) ? formatList(data.purposes.map((p) => tKey('consent.purposeOf', String(p)))) : '';
      if (data.recorded === true) {
        return {
          title: data.renewsId ? t('consent.timelineRenewed') : t('consent.timelineRecorded'),
          detail: [purposes, until].filter(Boolean),
        };
      }
      if (str(data.ended)) return { title: tKey('consent.timelineEnded', str(data.ended)!), detail: [] };
      return { title: tKey('timeline', e.kind), detail: [] };
    }
    case 'onward':
      // An onward referral's step (modules/onward): sent, accepted, declined, outcome; the case page's section has the words.
      return {
        title: tKey('onward.timeline', str(data.step) ?? 'sent'),
        detail: str(data.outcome) ? [tKey('onward.outcomes', str(data.outcome)!)] : [],
      };
    case 'city_transfer':
      // A transfer between member cities (modules/transfers): the other city's case by its reference only.
      return {
        title: tKey('transfers.timeline', str(data.step) ?? 'proposed', undefined, {
          city: str(data.city) ?? '',
          reference: str(data.reference) ?? '',
        }),
        detail: [],
      };
    case 'note':
      return { title: t('timeline.note'), detail: str(data.sensitivity) === 'restricted' ? [t('case.restrictedBadge')] : [] };
    case 'break_glass': {
      // The justification comes only to those who may read it (the coordinators, the key worker, the requester).
      const sections = Array.isArray(data.sections) ? formatList(data.sections.map((s) => tKey('sections', String(s)))) : '';
      const until = str(data.expiresAt) ? formatDateTime(str(data.expiresAt)!) : '';
      const why = str(data.justification) ? t('breakGlass.timelineWhy', { text: str(data.justification)! }) : '';
      const ended = str(data.endedAt) ? t('breakGlass.review.endedEarly', { time: formatDateTime(str(data.endedAt)!) }) : '';
      return { title: tKey('timeline', e.kind), detail: [sections, until, ended, why].filter(Boolean) };
    }
    default:
      return { title: tKey('timeline', e.kind), detail: reason };
  }
}

/** Everything that happened to the case that the user may know of, newest first. */
export function Timeline(props: { case: Case }) {
  const names = () => namesOf(props.case);
  return (
    <section class="card" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('case.timelineTitle')}</h2>
      <ol class="timeline">
        <For each={props.case.timeline} fallback={<li class="muted">{t('case.timelineEmpty')}</li>}>
          {(entry) => {
            const text = () => describe(entry, names());
            return (
              <li data-kind={entry.kind}>
                <p class="timeline-title">
                  <strong>{text().title}</strong>
                </p>
                <Show when={text().detail.length > 0}>
                  <p class="timeline-detail">
                    <For each={text().detail}>{(part) => <bdi class="prewrap">{part}</bdi>}</For>
                  </p>
                </Show>
                <p class="muted small">
                  <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                  <Show when={entry.actor}>
                    {(a) => (
                      <>
                        {' · '}
                        <bdi>{a().displayName}</bdi>
                      </>
                    )}
                  </Show>
                </p>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}
