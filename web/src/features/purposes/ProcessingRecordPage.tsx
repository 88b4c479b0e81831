import { For, Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatList, formatNumber } from '../../lib/format';
import { RequireRole } from '../../components/Shell';
import { PrintFrame } from '../print/PrintFrame';
import { TableFrame } from '../../components/TableFrame';
import type { Outputs } from '../../lib/trpc';
import { getProcessingRecord, purposeLabel } from './api';

type ProcessingRecord = Outputs['processingRecord']['get'];

/** The security measures, each a sentence from the live configuration. */
function Measures(props: { s: ProcessingRecord['security'] }) {
  const m = (key: string, args?: { [k: string]: string }) => tKey('processingRecord.measures', key, key, args);
  return (
    <ul data-testid="record-security">
      <li>{m('encryption', { algorithm: props.s.encryption, version: String(props.s.keyVersion) })}</li>
      <Show when={props.s.recordKeys}>
        <li>{m('recordKeys')}</li>
      </Show>
      <li>{m('auditChain')}</li>
      <li>{m(props.s.signedCheckpoints ? 'signedCheckpoints' : 'unsignedCheckpoints')}</li>
      <li>{m('secondFactor', { roles: formatList(props.s.secondFactorRoles.map((r) => tKey('roles', r))) })}</li>
      <li>{m('sessions', { idle: formatNumber(props.s.sessionIdleMinutes), hours: formatNumber(props.s.sessionAbsoluteHours) })}</li>
      <li>{m(props.s.secureCookies ? 'secureCookies' : 'plainCookies')}</li>
    </ul>
  );
}

function RecordSheet(props: { r: ProcessingRecord }) {
  const r = () => props.r;
  return (
    <PrintFrame back="/" title={t('processingRecord.title')} municipality={r().controller.name} printedAt={r().generatedAt}>
      <p>{t('processingRecord.intro')}</p>
      <h2>{t('processingRecord.controller')}</h2>
      <dl>
        <dt>{t('processingRecord.controller')}</dt>
        <dd data-testid="record-controller">{r().controller.name}</dd>
        <dt>{t('processingRecord.country')}</dt>
        <dd dir="ltr">{r().controller.country}</dd>
        <dt>{t('processingRecord.code')}</dt>
        <dd dir="ltr">{r().controller.code}</dd>
        <dt>{t('processingRecord.timeZone')}</dt>
        <dd dir="ltr">{r().controller.timeZone}</dd>
      </dl>
      <h2>{t('processingRecord.dataCategories')}</h2>
      <ul>
        <For each={r().dataCategories}>{(c) => <li>{tKey('processingRecord.categories', c)}</li>}</For>
      </ul>
      <h2>{t('processingRecord.subjectCategories')}</h2>
      <ul>
        <For each={r().subjectCategories}>{(c) => <li>{tKey('processingRecord.subjects', c)}</li>}</For>
      </ul>
      <h2>{t('processingRecord.purposes')}</h2>
      <TableFrame label={t('processingRecord.purposes')}>
        <table data-testid="record-purposes">
          <thead>
            <tr>
              <th scope="col">{t('purposes.label')}</th>
              <th scope="col">{t('purposes.code')}</th>
              <th scope="col">{t('processingRecord.liveDisclosures')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={r().purposes}>
              {(p) => (
                <tr>
                  <td>
                    {purposeLabel(p)}
                    {p.retiredAt ? ` (${t('processingRecord.retiredSince')})` : ''}
                  </td>
                  <td>{tKey('purposes.codes', p.code)}</td>
                  <td class="num">{formatNumber(p.liveDisclosures)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </TableFrame>
      <h2>{t('processingRecord.legalBases')}</h2>
      <ul data-testid="record-bases">
        <For each={r().legalBases} fallback={<li>{t('processingRecord.noneInUse')}</li>}>
          {(b) => (
            <li>
              {tKey('legalBases', b.basis)}: {formatNumber(b.liveDisclosures)}
            </li>
          )}
        </For>
      </ul>
      <p>{t('processingRecord.liveConsents', { count: formatNumber(r().liveConsents) })}</p>
      <h2>{t('processingRecord.recipients')}</h2>
      <ul data-testid="record-recipients">
        <For each={r().recipients} fallback={<li>{t('processingRecord.noRecipients')}</li>}>
          {(a) => (
            <li>
              <bdi>{a.name}</bdi> ({tKey('agencyKinds', a.kind)}): {formatNumber(a.liveDisclosures)}
            </li>
          )}
        </For>
      </ul>
      <p>{t('processingRecord.namedStaff', { count: formatNumber(r().namedStaffDisclosures) })}</p>
      <h2>{t('processingRecord.retention')}</h2>
      <Show when={r().retention} fallback={<p data-testid="record-retention">{t('processingRecord.notConfigured')}</p>}>
        {(rules) => (
          <TableFrame label={t('processingRecord.retention')}>
            <table data-testid="record-retention">
              <thead>
                <tr>
                  <th scope="col">{t('processingRecord.recordType')}</th>
                  <th scope="col">{t('processingRecord.period')}</th>
                  <th scope="col">{t('processingRecord.legalReference')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rules()}>
                  {(rule) => (
                    <tr>
                      <td>{tKey('retention.recordTypes', rule.recordType)}</td>
                      <td>{t('processingRecord.months', { count: formatNumber(rule.months) })}</td>
                      <td dir="auto">{rule.legalReference}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </TableFrame>
        )}
      </Show>
      <h2>{t('processingRecord.security')}</h2>
      <Measures s={r().security} />
    </PrintFrame>
  );
}

/**
 * The record of processing for the national authority's declaration: made from the live configuration
 * each time it is opened (audited), printable. Coordinator and admin.
 */
export default function ProcessingRecordPage() {
  const record = createAsync(() => getProcessingRecord());
  return (
    <RequireRole roles={['coordinator', 'admin']}>
      <Show when={record()}>{(r) => <RecordSheet r={r()} />}</Show>
    </RequireRole>
  );
}
