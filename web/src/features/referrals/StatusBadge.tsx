import { t, tKey } from '../../i18n';
import type { Urgency } from './api';

const STATUS_CLASS = { submitted: 'info', accepted: 'ok', signposted: 'muted', closed: 'muted' } as const;

/** A referral's status in words. */
export function StatusBadge(props: { status: keyof typeof STATUS_CLASS }) {
  return <span class={`badge ${STATUS_CLASS[props.status]}`}>{tKey('referralStatuses', props.status)}</span>;
}

/** Urgency in words; immediate danger also carries a mark, so it never rests on colour alone. */
export function UrgencyBadge(props: { urgency: Urgency }) {
  return (
    <span
      class="badge"
      classList={{ danger: props.urgency === 'immediate_danger', warn: props.urgency === 'priority' }}
      data-urgency={props.urgency}
    >
      {t(`urgencies.${props.urgency}`)}
    </span>
  );
}
