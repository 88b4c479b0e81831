import { Show } from 'solid-js';
import { locale } from '../../i18n';
import { pt } from '../../i18n/person';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { LANGUAGES, MAX_ESTIMATED_AGE, SAFE_CHANNELS, type Language, type SafeChannel } from '../../../../src/shared/person-details';

/** These details' field names after `prefix`, as the server names their errors. */
export const detailFields = (prefix: string) =>
  [
    'fatherName',
    'locality',
    'governorate',
    'languages',
    'estimatedAge',
    'safeContact',
    'safeContact.channel',
    'safeContact.safeTimes',
    'safeContact.doNotTell',
  ].map((f) => prefix + f);
export const DETAIL_FIELDS = detailFields('newPerson.');

// One Intl.DisplayNames per page language: making one costs far more than asking it (a list names dozens).
const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the page's language (the browser knows them all). */
export function languageName(code: string) {
  try {
    const key = locale();
    let names = displayNames.get(key);
    if (!names) {
      names = new Intl.DisplayNames([key], { type: 'language' });
      displayNames.set(key, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** What the fields start with (a correction shows the record's values); a new person starts empty. */
export interface DetailValues {
  fatherName?: string | null;
  locality?: string | null;
  governorate?: string | null;
  languages?: string[];
  safeContact?: { channel: SafeChannel; phoneShared: boolean; safeTimes?: string; doNotTell?: string } | null;
}

/** The details a submitted form gives, its fields named after `prefix`: each left out when empty, a safe contact only with its channel. */
export function detailsInput(data: FormData, prefix = 'newPerson.') {
  const text = (name: string) => String(data.get(prefix + name) ?? '').trim() || undefined;
  const age = text('estimatedAge');
  const channel = text('safeContact.channel') as SafeChannel | undefined;
  return {
    fatherName: text('fatherName'),
    locality: text('locality'),
    governorate: text('governorate'),
    languages: data.getAll(`${prefix}languages`).map(String) as Language[],
    estimatedAge: age === undefined ? undefined : Number(age),
    safeContact: channel
      ? {
          channel,
          phoneShared: data.get(`${prefix}safeContact.phoneShared`) === 'on',
          safeTimes: text('safeContact.safeTimes'),
          doNotTell: text('safeContact.doNotTell'),
        }
      : undefined,
  };
}

/** The same for a correction: an emptied field clears (null), no age (the year of birth is corrected itself). */
export function correctedDetails(data: FormData, prefix = '') {
  const { estimatedAge: _age, ...d } = detailsInput(data, prefix);
  return {
    fatherName: d.fatherName ?? null,
    locality: d.locality ?? null,
    governorate: d.governorate ?? null,
    languages: d.languages,
    safeContact: d.safeContact ?? null,
  };
}

/**
 * A person's optional details, each minimal, none required: on the referral form (prefix
 * `newPerson.`, with an estimated age) and in the coordinator's correction (no prefix, the record's values).
 */
export function PersonDetailsFields(props: {
  errors: Record<string, string | undefined>;
  prefix?: string;
  values?: DetailValues;
  age?: boolean;
}) {
  const prefix = () => props.prefix ?? 'newPerson.';
  const n = (name: string) => prefix() + name;
  const e = (name: string) => props.errors[n(name)];
  const v = () => props.values ?? {};
  return (
    <fieldset class="subsection" data-testid="person-details">
      <legend>{pt('detailsTitle')}</legend>
      <div class="form-grid">
        <TextField
          label={pt('fatherName')}
          name={n('fatherName')}
          maxLength={160}
          hint={pt('fatherHint')}
          value={v().fatherName ?? ''}
          error={e('fatherName')}
        />
        <Show when={props.age !== false}>
          <TextField
            label={pt('estimatedAge')}
            name={n('estimatedAge')}
            type="number"
            inputmode="numeric"
            min={0}
            max={MAX_ESTIMATED_AGE}
            error={e('estimatedAge')}
          />
        </Show>
        <TextField label={pt('locality')} name={n('locality')} maxLength={120} value={v().locality ?? ''} error={e('locality')} />
        <TextField
          label={pt('governorate')}
          name={n('governorate')}
          maxLength={120}
          value={v().governorate ?? ''}
          error={e('governorate')}
        />
      </div>
      <ChoiceGroup
        label={pt('languages')}
        name={n('languages')}
        type="checkbox"
        options={LANGUAGES}
        labelOf={languageName}
        checked={(l) => v().languages?.includes(l) ?? false}
        error={e('languages')}
        testId="person-languages"
      />
      <fieldset class="subsection">
        <legend>{pt('safeTitle')}</legend>
        <p class="hint">{pt('safeHint')}</p>
        <div class="form-grid">
          <OptionsField
            label={pt('channel')}
            name={n('safeContact.channel')}
            options={SAFE_CHANNELS}
            labelOf={(c) => pt(`channels.${c}`)}
            placeholder={pt('none')}
            selected={v().safeContact?.channel}
            error={e('safeContact.channel') ?? e('safeContact')}
          />
          <TextField
            label={pt('safeTimes')}
            name={n('safeContact.safeTimes')}
            maxLength={200}
            value={v().safeContact?.safeTimes ?? ''}
            error={e('safeContact.safeTimes')}
          />
          <TextAreaField
            label={pt('doNotTell')}
            name={n('safeContact.doNotTell')}
            maxLength={200}
            rows={2}
            value={v().safeContact?.doNotTell ?? ''}
            error={e('safeContact.doNotTell')}
          />
        </div>
        <label class="choice">
          <input type="checkbox" name={n('safeContact.phoneShared')} checked={v().safeContact?.phoneShared ?? false} />
          <span>{pt('phoneShared')}</span>
        </label>
      </fieldset>
    </fieldset>
  );
}
