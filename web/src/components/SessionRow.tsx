import { Show, type JSX } from 'solid-js';
import { t } from '../i18n';
import { describeUserAgent, formatDateTime } from '../lib/format';
import { ConfirmButton } from './ConfirmButton';

export interface SessionLine {
  id: string;
  userAgent: string | null;
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
}

/** One live session in a table (device, started, last seen, address), with ending it unless it is the current one. */
export function SessionRow(props: {
  session: SessionLine;
  endLabel: string;
  onEnd: (id: string) => void;
  badges?: JSX.Element;
  testId?: string;
}) {
  return (
    <tr classList={{ current: props.session.current }} data-testid={props.testId}>
      <td>
        {describeUserAgent(props.session.userAgent)}
        <Show when={props.session.current}>
          <span class="badge ok" data-testid="this-session">
            {t('sessions.thisSession')}
          </span>
        </Show>
        {props.badges}
      </td>
      <td>{formatDateTime(props.session.createdAt)}</td>
      <td>{formatDateTime(props.session.lastSeenAt)}</td>
      <td class="mono" dir="ltr">
        {props.session.ip ?? t('common.none')}
      </td>
      <td class="actions">
        <Show when={!props.session.current}>
          <ConfirmButton label={props.endLabel} danger onConfirm={() => props.onEnd(props.session.id)} />
        </Show>
      </td>
    </tr>
  );
}
