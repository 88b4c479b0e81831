import { For, Show } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t, tKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { RequireRole, useMe } from '../../components/Shell';
import { getCertificates, getPreview, type Certificate } from './api';

/** The coordinator's preview: each record due within 30 days, by rule, with its due date and hold. */
function PreviewTable() {
  const preview = createAsync(() => getPreview());
  return (
    <Show when={preview()}>
      {(p) => (
        <section aria-labelledby="preview-title" data-testid="retention-preview">
          <h2 id="preview-title">{t('retention.preview.title')}</h2>
          <p>{t('retention.preview.intro', { date: formatDate(p().horizon) })}</p>
          <Show when={p().items.length} fallback={<p class="muted">{t('retention.preview.empty')}</p>}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('retention.preview.rule')}</th>
                  <th scope="col">{t('retention.preview.record')}</th>
                  <th scope="col">{t('retention.preview.due')}</th>
                  <th scope="col">{t('retention.preview.held')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={p().items}>
                  {(item) => (
                    <tr data-testid="preview-row" data-held={item.held || item.accessRequest ? 'yes' : 'no'}>
                      <td>{tKey('retention.recordTypes', item.recordType)}</td>
                      <td>
                        {tKey('retention.kinds', item.kind)}{' '}
                        <A href={item.kind === 'Case' ? `/cases/${item.id}` : `/referrals/${item.id}`} class="mono" dir="ltr">
                          {item.reference}
                        </A>
                      </td>
                      <td>{item.overdue ? t('retention.preview.overdue') : formatDate(item.dueAt)}</td>
                      <td>
                        {item.held ? (
                          <strong>{t('retention.preview.heldYes')}</strong>
                        ) : item.accessRequest ? (
                          <strong>{t('retention.preview.accessHeld')}</strong>
                        ) : (
                          t('retention.preview.heldNo')
                        )}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </section>
      )}
    </Show>
  );
}

const countsText = (c: Certificate['counts']) =>
  t('retention.certificates.countsText', { cases: String(c.cases), referrals: String(c.referrals), people: String(c.people) });

/** The deletion certificates, newest first, each printable. */
function CertificateList() {
  const list = createAsync(() => getCertificates());
  return (
    <Show when={list()}>
      {(rows) => (
        <section aria-labelledby="certificates-title" data-testid="retention-certificates">
          <h2 id="certificates-title">{t('retention.certificates.title')}</h2>
          <p>{t('retention.certificates.intro')}</p>
          <Show when={rows().length} fallback={<p class="muted">{t('retention.certificates.empty')}</p>}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('retention.certificates.ranAt')}</th>
                  <th scope="col">{t('retention.certificates.rule')}</th>
                  <th scope="col">{t('retention.certificates.counts')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(c) => (
                    <tr data-testid="certificate-row">
                      <td>{formatDateTime(c.ranAt)}</td>
                      <td>{tKey('retention.recordTypes', c.recordType)}</td>
                      <td>{countsText(c.counts)}</td>
                      <td>
                        <A href={`/retention/certificates/${c.id}`} data-testid="certificate-print">
                          {t('retention.certificates.print')}
                        </A>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </section>
      )}
    </Show>
  );
}

/** Retention: the preview (coordinator) and the deletion certificates (coordinator, auditor, admin). */
export default function RetentionPage() {
  const me = useMe();
  return (
    <section aria-labelledby="retention-title">
      <h1 id="retention-title">{t('retention.title')}</h1>
      <p class="lead">{t('retention.intro')}</p>
      <RequireRole roles={['coordinator', 'auditor', 'admin']}>
        <Show when={me().role === 'coordinator'}>
          <PreviewTable />
        </Show>
        <CertificateList />
      </RequireRole>
    </section>
  );
}
