import { Show, createResource } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t } from '../../i18n';
import { getReleased } from './api';
import { DocumentView } from './DocumentView';
import { wordsOf } from './words';
import '../print/print.css';
import './subject-access.css';

/**
 * The released document on paper, in the person's language and direction (the tools around it stay in
 * the coordinator's): items withheld show as such with their reason. Each load is audited as a download.
 */
export default function SubjectAccessPrintPage() {
  const params = useParams<{ personId: string; id: string }>();
  const data = createAsync(() => getReleased(params.personId, params.id));
  const [words] = createResource(() => data()?.request.language, wordsOf);
  return (
    <div class="print-page" data-testid="print-page">
      <p class="no-print print-tools">
        <A href={`/people/${params.personId}/subject-access/${params.id}`}>{t('subjectAccess.back')}</A>
        <Show when={data() && words()}>
          <button type="button" class="button" onClick={() => window.print()} data-testid="print-button">
            {t('print.button')}
          </button>
          <span class="muted">{t('print.recorded')}</span>
        </Show>
      </p>
      <Show when={data() && words() ? ([data()!, words()!] as const) : null}>
        {(both) => {
          const [d, w] = both();
          return (
            <article class="print-sheet sa-sheet" lang={w.lang} dir={w.dir} data-testid="sa-print">
              <header class="print-head">
                <p>{d.municipality}</p>
                <h1>{w.doc.title}</h1>
                <p>{w.fill(w.doc.intro, { at: w.date(d.request.releasedAt) })}</p>
                <p>
                  {w.fill(w.doc.askedBy, {
                    who: [w.sa.requesterOf[d.request.requestedBy as 'person'], d.request.requesterName].filter(Boolean).join(' · '),
                  })}
                </p>
              </header>
              <DocumentView w={w} document={d} />
              <footer class="print-foot">
                <p>
                  {w.fill(w.doc.released, {
                    at: w.date(d.request.releasedAt),
                    method: w.sa.methodOf[(d.request.releaseMethod ?? 'sent') as 'sent'],
                  })}
                </p>
                <p>
                  {w.doc.fingerprint}:{' '}
                  <span class="mono" dir="ltr">
                    {d.digest}
                  </span>
                </p>
              </footer>
            </article>
          );
        }}
      </Show>
    </div>
  );
}
