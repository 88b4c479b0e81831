import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { DOMAINS, factorLabel, type Rating } from './api';

/**
 * One assessment's ratings under their domains. "Unknown" is drawn apart (dashed, with a question
 * mark) so nobody reads it as a low rating.
 */
export function RatingsByDomain(props: { ratings: Rating[] }) {
  const of = (d: (typeof DOMAINS)[number]) => props.ratings.filter((r) => r.factor.domain === d);
  return (
    <div class="rating-domains">
      <For each={DOMAINS}>
        {(domain) => (
          <Show when={of(domain).length}>
            <section class="rating-domain" data-domain={domain}>
              <h4 class="h4">{tKey('factorDomains', domain)}</h4>
              <ul class="ratings">
                <For each={of(domain)}>
                  {(r) => (
                    <li class="rating-row" data-testid="rating" data-rating={r.rating} data-factor={r.factor.code}>
                      <span class="rating-factor">
                        {factorLabel(r.factor)}
                        <Show when={!r.factor.active}>
                          {' '}
                          <span class="muted small">({t('assessment.retired')})</span>
                        </Show>
                      </span>
                      <span class={`rating-badge rating-${r.rating}`}>{tKey('factorRatings', r.rating)}</span>
                      <Show when={r.comment}>
                        {(c) => (
                          <span class="rating-comment prewrap" dir="auto">
                            {c()}
                          </span>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
        )}
      </For>
    </div>
  );
}
