import { For, Show, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { writeThenRefresh } from '../../lib/mutation';
import { Alert } from '../../components/Alert';
import { RequireRole } from '../../components/Shell';
import { ActiveSwitch, ToggleButton, ToggleRow } from '../../components/Toggle';
import { FactorForm } from './FactorForm';
import { DOMAINS, factorLabel, getFactors, type Domain, type Factor } from './api';
import './assessments.css';
import { TableFrame } from '../../components/TableFrame';
import { createNotice } from '../../lib/notice';

function FactorRow(props: { factor: Factor; onError: (err: unknown) => void; onSaved: () => void }) {
  const [editing, setEditing] = createSignal(false);
  const setActive = (active: boolean) =>
    writeThenRefresh(() => trpc.assessments.updateFactor.mutate({ id: props.factor.id, active }), getFactors.key, props.onError);
  return (
    <>
      <tr classList={{ retired: !props.factor.active }} data-testid="factor-row" data-code={props.factor.code}>
        <td class="num">{formatNumber(props.factor.position)}</td>
        <td class="label">
          {factorLabel(props.factor)}
          <br />
          <code class="muted small">{props.factor.code}</code>
        </td>
        <td class="num">{formatNumber(props.factor.used)}</td>
        <td>
          <span class="badge" classList={{ ok: props.factor.active, muted: !props.factor.active }}>
            {props.factor.active ? t('factors.active') : t('factors.inactive')}
          </span>
        </td>
        <td class="actions">
          <div class="row-actions">
            <ToggleButton open={editing()} onToggle={setEditing} label={t('factors.edit')} />
            <ActiveSwitch
              active={props.factor.active}
              onChange={setActive}
              offLabel={t('factors.retire')}
              onLabel={t('factors.reactivate')}
            />
          </div>
        </td>
      </tr>
      <ToggleRow open={editing()} columns={5}>
        <FactorForm factor={props.factor} onDone={() => (setEditing(false), props.onSaved())} onCancel={() => setEditing(false)} />
      </ToggleRow>
    </>
  );
}

function DomainTable(props: { domain: Domain; factors: Factor[]; onError: (err: unknown) => void; onSaved: () => void }) {
  return (
    <section aria-labelledby={`domain-${props.domain}`} data-testid="factor-domain" data-domain={props.domain}>
      <h2 id={`domain-${props.domain}`}>{tKey('factorDomains', props.domain)}</h2>
      <TableFrame label={tKey('factorDomains', props.domain)}>
        <table class="factor-table">
          <thead>
            <tr>
              <th scope="col">{t('factors.position')}</th>
              <th scope="col">{t('factors.label')}</th>
              <th scope="col">{t('factors.used')}</th>
              <th scope="col">{t('factors.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.factors}
              fallback={
                <tr>
                  <td colSpan={5} class="muted">
                    {t('factors.empty')}
                  </td>
                </tr>
              }
            >
              {(f) => <FactorRow factor={f} onError={props.onError} onSaved={props.onSaved} />}
            </For>
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

function Framework() {
  const factors = createAsync(() => getFactors());
  const [creating, setCreating] = createSignal(false);
  const [note, setNote] = createNotice<string>();
  const [error, setError] = createNotice<unknown>();
  return (
    <>
      <div class="toolbar">
        <ToggleButton
          open={creating()}
          onToggle={(open) => (setCreating(open), setNote(null))}
          label={t('factors.new')}
          class="button primary"
          testId="new-factor"
        />
      </div>
      <Alert kind="success" message={note()} />
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Show when={creating()}>
        <section class="card" aria-labelledby="factor-create-title">
          <h2 id="factor-create-title">{t('factors.new')}</h2>
          <FactorForm onDone={() => (setCreating(false), setNote(t('factors.created')))} onCancel={() => setCreating(false)} />
        </section>
      </Show>
      <For each={DOMAINS}>
        {(d) => (
          <DomainTable
            domain={d}
            factors={(factors() ?? []).filter((f) => f.domain === d)}
            onError={setError}
            onSaved={() => setNote(t('factors.saved'))}
          />
        )}
      </For>
    </>
  );
}

/** Admin › Assessment framework: the factors assessors rate, by domain; relabel, reorder, retire, add. */
export default function FactorsPage() {
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('factors.title')}</h1>
      <p class="lead">{t('factors.intro')}</p>
      <RequireRole roles={['admin']}>
        <Framework />
      </RequireRole>
    </section>
  );
}
