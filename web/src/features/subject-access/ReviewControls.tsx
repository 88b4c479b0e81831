import { Show, createSignal } from 'solid-js';
import { t } from '../../i18n';
import type { ForReview } from './Reviewed';

/**
 * The coordinator's choice on one item (interface language): include it, or withhold it with a reason.
 * Fields `decision:<key>` and `reason:<key>` of the review form around the document.
 */
export function ReviewChoice(props: { item: ForReview<unknown>; locked: boolean; error?: string }) {
  const [choice, setChoice] = createSignal<'include' | 'withhold' | ''>(
    props.item.status === 'included' ? 'include' : props.item.status === 'withheld' ? 'withhold' : '',
  );
  const key = () => props.item.review;
  return (
    <fieldset
      class="sa-choice no-print"
      data-testid="sa-choice"
      data-key={key()}
      classList={{ pending: choice() === '' }}
      lang=""
      dir="auto"
    >
      <legend>
        {t(`subjectAccess.reviewKinds.${props.item.kind as 'guardian'}`)} · {t('subjectAccess.decision')}
      </legend>
      <label class="choice">
        <input
          type="radio"
          name={`decision:${key()}`}
          value="include"
          checked={choice() === 'include'}
          disabled={props.locked}
          onChange={() => setChoice('include')}
        />
        <span>{t('subjectAccess.include')}</span>
      </label>
      <label class="choice">
        <input
          type="radio"
          name={`decision:${key()}`}
          value="withhold"
          checked={choice() === 'withhold'}
          disabled={props.locked}
          onChange={() => setChoice('withhold')}
        />
        <span>{t('subjectAccess.withhold')}</span>
      </label>
      <Show when={choice() === 'withhold'}>
        <label class="field">
          <span>{t('subjectAccess.reason')}</span>
          <textarea
            name={`reason:${key()}`}
            rows={2}
            maxLength={1000}
            required
            disabled={props.locked}
            value={props.item.reason ?? ''}
            data-testid="sa-reason"
          />
        </label>
      </Show>
    </fieldset>
  );
}

/** The decisions a review form holds: each item with a choice, a withheld one with its reason. */
export function decisionsOf(data: FormData) {
  const decisions: { key: string; include: boolean; reason?: string }[] = [];
  for (const [name, value] of data.entries()) {
    if (!name.startsWith('decision:')) continue;
    const key = name.slice('decision:'.length);
    const include = value === 'include';
    const reason = String(data.get(`reason:${key}`) ?? '').trim();
    decisions.push(include ? { key, include } : { key, include, reason });
  }
  return decisions;
}
