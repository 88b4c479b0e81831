import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { ht } from '../../i18n/handover';
import { formatNumber } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { TableFrame } from '../../components/TableFrame';
import { ToggleButton, ToggleRow } from '../../components/Toggle';
import { CaseloadPanel } from './CaseloadPanel';
import { getCaseloads } from './api';

/** The accounts holding work; each opens its caseload to hand it over (a leaver's, above all). */
function Caseloads() {
  const list = createAsync(() => getCaseloads());
  const [open, setOpen] = createSignal<string | null>(null);
  return (
    <TableFrame label={ht('page.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{ht('page.account')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{ht('page.items')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={list()}
            fallback={
              <tr>
                <td colSpan={4} class="muted">
                  {ht('page.empty')}
                </td>
              </tr>
            }
          >
            {(account) => (
              <>
                <tr data-testid="caseload-row" classList={{ inactive: !!account.disabledAt }}>
                  <td class="name">
                    {account.displayName}
                    <Show when={account.disabledAt}>
                      <span class="badge muted">{t('users.disabled')}</span>
                    </Show>
                  </td>
                  <td>{tKey('roles', account.role)}</td>
                  <td>{formatNumber(account.total)}</td>
                  <td class="actions">
                    <ToggleButton
                      open={open() === account.id}
                      onToggle={(o) => setOpen(o ? account.id : null)}
                      label={ht('open')}
                      testId="caseload-open"
                    />
                  </td>
                </tr>
                <ToggleRow open={open() === account.id} columns={4}>
                  <CaseloadPanel user={account} />
                </ToggleRow>
              </>
            )}
          </For>
        </tbody>
      </table>
    </TableFrame>
  );
}

/** Coordinator › Handover: work still assigned to colleagues who left or are leaving. */
export default function HandoverPage() {
  return (
    <section aria-labelledby="handover-title">
      <h1 id="handover-title">{ht('page.title')}</h1>
      <p class="lead">{ht('page.intro')}</p>
      <RequireRole roles={['coordinator', 'admin']}>
        <Caseloads />
      </RequireRole>
    </section>
  );
}
