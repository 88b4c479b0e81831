import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { ht } from '../../i18n/handover';
import { formatDate } from '../../lib/format';
import { TableFrame } from '../../components/TableFrame';
import { DisableForm } from './DisableForm';
import { HandoverForm } from './HandoverForm';
import { getCaseload } from './api';

/** The account whose caseload is shown (a row of users.list or of users.caseloads). */
export interface Account {
  id: string;
  displayName: string;
  disabledAt: Date | string | null;
}

/**
 * Before an account is disabled: what is assigned to it (case references and dates, no case content),
 * "hand all to…", a choice per item, then disabling (with the coordinator who picks up what is left).
 * A disabled account's panel keeps the handover, so work left behind can still be moved.
 */
export function CaseloadPanel(props: { user: Account; onDisabled?: () => void }) {
  const load = createAsync(() => getCaseload(props.user.id));
  const title = () => ht('title', { name: props.user.displayName });
  const items = () => load()?.items ?? [];
  return (
    <div data-testid="caseload">
      <h2 class="h3">{title()}</h2>
      <p class="muted">{ht('intro')}</p>
      <Show when={load()}>
        {(l) => (
          <>
            <p data-testid="caseload-counts">{items().length ? ht('counts', l().counts) : ht('empty')}</p>
            <Show when={items().length > 0}>
              <HandoverForm userId={props.user.id} items={items()} receivers={l().receivers} all testId="handover-all" />
              <TableFrame label={title()}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{ht('kind')}</th>
                      <th scope="col">{ht('reference')}</th>
                      <th scope="col">{ht('date')}</th>
                      <th scope="col">{ht('receiver')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={items()}>
                      {(item) => (
                        <tr data-testid="caseload-item" data-kind={item.kind}>
                          <td>{ht(`kinds.${item.kind}`)}</td>
                          <td class="mono" dir="ltr">
                            {item.caseReference ?? t('common.none')}
                          </td>
                          <td>{item.date ? formatDate(item.date) : t('common.none')}</td>
                          <td>
                            <HandoverForm userId={props.user.id} items={[item]} receivers={l().receivers} testId="handover-one" />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableFrame>
            </Show>
            {/* Disabling is the admin's (the users page); a coordinator's page hands over only. */}
            <Show when={!props.user.disabledAt && props.onDisabled}>
              {(onDone) => <DisableForm user={props.user} left={items().length} receivers={l().receivers} onDone={onDone()} />}
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
