import { Show, createSignal } from 'solid-js';
import { t, tKey } from '../../i18n';
import { ChoiceGroup, OptionsField, TextAreaField } from '../../components/Field';
import { SOURCES, URGENCIES, type Cohort, type Urgency } from './api';
import { itemLabel, liveItems, type ListItem } from '../lists/api';

/**
 * How urgent the concern is. Immediate danger is not something a form can handle: the page says at
 * once, in words and not only colour, to call the emergency services.
 */
export function UrgencyField(props: { error?: string | undefined }) {
  const [urgency, setUrgency] = createSignal<Urgency>('routine');
  return (
    <section class="card form" aria-labelledby="urgency-title">
      <h2 id="urgency-title">{t('referral.urgency')}</h2>
      <ChoiceGroup
        legendHidden
        label={t('referral.urgency')}
        name="urgency"
        type="radio"
        required
        options={URGENCIES}
        labelOf={(u) => tKey('urgencies', u)}
        checked={(u) => u === urgency()}
        onChange={(u, on) => on && setUrgency(u)}
        error={props.error}
        testId="urgency"
      />
      <div role="alert" aria-live="assertive">
        <Show when={urgency() === 'immediate_danger'}>
          <p class="emergency" data-testid="emergency-notice">
            {t('referral.emergency')}
          </p>
        </Show>
      </div>
    </section>
  );
}

/**
 * What the concern is: cohort (the first of the municipality's items for the matched person's cohort, to
 * start with), source, categories and the text. Cohorts and categories are the municipality's live items.
 */
export function ConcernSection(props: {
  cohort: Cohort | undefined;
  items: readonly ListItem[] | undefined;
  errors: Record<string, string | undefined>;
}) {
  const cohorts = () => liveItems(props.items, 'cohort');
  const labelOf = (id: string) => {
    const item = props.items?.find((i) => i.id === id);
    return item ? itemLabel(item) : id;
  };
  return (
    <section class="card form" aria-labelledby="concern-title">
      <h2 id="concern-title">{t('referral.concernTitle')}</h2>
      <div class="form-grid">
        <OptionsField
          label={t('referral.cohort')}
          name="cohortItemId"
          required
          options={cohorts().map((i) => i.id)}
          labelOf={labelOf}
          placeholder={t('common.choose')}
          selected={cohorts().find((i) => i.code === props.cohort)?.id}
          error={props.errors.cohortItemId ?? props.errors.cohort}
        />
        <OptionsField
          label={t('referral.source')}
          name="source"
          required
          options={SOURCES}
          labelOf={(s) => tKey('sources', s)}
          placeholder={t('common.choose')}
          error={props.errors.source}
        />
      </div>
      <ChoiceGroup
        label={t('referral.categories')}
        name="concernItemIds"
        type="checkbox"
        options={liveItems(props.items, 'concern_category').map((i) => i.id)}
        labelOf={labelOf}
        error={props.errors.concernItemIds ?? props.errors.concernCategories}
        required
        testId="categories"
      />
      <TextAreaField
        label={t('referral.concernText')}
        name="concernText"
        required
        minLength={10}
        maxLength={10_000}
        rows={6}
        hint={t('referral.concernHint')}
        error={props.errors.concernText}
      />
    </section>
  );
}
