import { For, Show, Suspense } from 'solid-js';
import { A, createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { errorMessage } from '../../lib/errors';
import { writeThenRefresh } from '../../lib/mutation';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { draftHref, getMyDrafts, type DraftItem } from './api';
import { createNotice } from '../../lib/notice';

function what(d: DraftItem) {
  if (d.kind === 'referral') return t('drafts.referral');
  return d.caseReference ? t('drafts.caseNote', { reference: d.caseReference }) : t('drafts.caseNoteHidden');
}

/** "My work": the drafts I started and did not send, to open again or discard. Only mine: nobody else sees them. */
export function DraftsSection() {
  const drafts = createAsync(() => getMyDrafts());
  const [error, setError] = createNotice<unknown>();
  const [done, setDone] = createNotice<boolean>();
  const discard = async (d: DraftItem) => {
    setDone(false);
    setDone(await writeThenRefresh(() => trpc.drafts.discard.mutate({ id: d.id }), getMyDrafts.key, setError));
  };
  return (
    <section class="card" aria-labelledby="drafts-title" data-testid="drafts-section">
      <h2 id="drafts-title">{t('drafts.title')}</h2>
      <p class="muted small">{t('drafts.intro')}</p>
      <Alert kind="error" message={error() ? errorMessage(error()) : null} />
      <Alert kind="success" message={done() ? t('drafts.discarded') : null} />
      <Suspense>
        <ul class="work-list">
          <For each={drafts()} fallback={<li class="muted">{t('drafts.empty')}</li>}>
            {(d) => (
              <li class="work-item" data-testid="draft-item">
                <div class="work-what">
                  <strong>{what(d)}</strong>
                  <Show when={d.preview}>
                    <bdi class="work-task" dir="auto">
                      {d.preview}
                    </bdi>
                  </Show>
                </div>
                <p class="work-when muted small">
                  {t('drafts.savedAt', { time: formatDateTime(d.updatedAt) })} ·{' '}
                  {t('drafts.expiresAt', { time: formatDateTime(d.expiresAt) })}
                </p>
                <div class="row-actions">
                  <A class="button small primary" href={draftHref(d)}>
                    {t('drafts.open')}
                  </A>
                  <ConfirmButton label={t('drafts.discard')} danger onConfirm={() => discard(d)} />
                </div>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
    </section>
  );
}
