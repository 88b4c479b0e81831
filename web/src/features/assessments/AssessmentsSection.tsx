import { ErrorBoundary, For, Show, Suspense, createSignal } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { Alert } from '../../components/Alert';
import { Opener } from '../../components/Toggle';
import { AssessmentForm } from './AssessmentForm';
import { RatingsByDomain } from './RatingsByDomain';
import { Trend } from './Trend';
import { getAssessments, type Assessment } from './api';
import './assessments.css';
import { createNotice } from '../../lib/notice';

function AssessmentItem(props: { assessment: Assessment }) {
  return (
    <li class="assessment" data-testid="assessment">
      <p class="assessment-head">
        <time class="strong" datetime={props.assessment.assessedAt.toISOString()}>
          {formatDateTime(props.assessment.assessedAt)}
        </time>
        <span class="muted">
          {t('assessment.assessor')} <bdi>{props.assessment.assessor.displayName}</bdi>
        </span>
      </p>
      <h4 class="h4">{t('assessment.judgement')}</h4>
      <p dir="auto" class="prewrap judgement" data-testid="judgement">
        {props.assessment.overallJudgement}
      </p>
      <RatingsByDomain ratings={props.assessment.ratings} />
    </li>
  );
}

/**
 * A case's assessments, newest first, with the trend across them and, for trained assessors the
 * server agrees may rate this case, the form to add one. `canRate` is the page's first guess.
 */
export function AssessmentsSection(props: { caseId: string; canRate: boolean }) {
  const data = createAsync(() => getAssessments(props.caseId));
  const [adding, setAdding] = createSignal(false);
  const [added, setAdded] = createNotice<boolean>();
  return (
    <section class="card assessments" aria-labelledby="assessments-title" data-testid="assessments-section">
      <h2 id="assessments-title">{t('assessment.title')}</h2>
      <p class="muted">{t('assessment.intro')}</p>
      <ErrorBoundary fallback={(err) => <Alert kind="error" message={errorMessage(err)} />}>
        <Suspense fallback={<p class="loading">{t('app.loading')}</p>}>
          <Show when={data()}>
            {(d) => (
              <>
                <Alert kind="success" message={added() ? t('assessment.added') : null} />
                <Trend trend={d().trend} />
                <ol class="assessment-list" data-testid="assessments">
                  <For each={d().assessments} fallback={<li class="muted">{t('assessment.empty')}</li>}>
                    {(a) => <AssessmentItem assessment={a} />}
                  </For>
                </ol>
                <Show
                  when={props.canRate && d().canRate && d().factors}
                  fallback={
                    <Show when={!props.canRate}>
                      <p class="hint">{t('assessment.notAssessor')}</p>
                    </Show>
                  }
                >
                  {(factors) => (
                    <Opener
                      open={adding()}
                      onOpen={() => (setAdding(true), setAdded(false))}
                      label={t('assessment.add')}
                      testId="add-assessment"
                    >
                      <AssessmentForm
                        caseId={props.caseId}
                        factors={factors()}
                        onDone={() => (setAdding(false), setAdded(true))}
                        onCancel={() => setAdding(false)}
                      />
                    </Opener>
                  )}
                </Show>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
