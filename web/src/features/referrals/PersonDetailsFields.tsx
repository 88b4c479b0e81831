import { locale } from '../../i18n';
import { pt } from '../../i18n/person';
import { ChoiceGroup, OptionsField, TextAreaField, TextField } from '../../components/Field';
import { LANGUAGES, MAX_ESTIMATED_AGE, SAFE_CHANNELS, type Language, type SafeChannel } from '../../../../src/shared/person-details';
import type { CreateReferral } from './referralInput';

/** The form's field names of these details, as the server names their errors. */
export const DETAIL_FIELDS = [
  'newPerson.fatherName',
  'newPerson.locality',
  'newPerson.governorate',
  'newPerson.languages',
  'newPerson.estimatedAge',
  'newPerson.safeContact',
  'newPerson.safeContact.channel',
  'newPerson.safeContact.safeTimes',
  'newPerson.safeContact.doNotTell',
] as const;

/** A language's name in the page's language (the browser knows them all). */
export function languageName(code: string) {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

type NewPerson = NonNullable<Extract<CreateReferral, { newPerson?: unknown }>['newPerson']>;

/** The details a submitted form gives: each left out when empty, a safe contact only with a channel. */
export function detailsInput(data: FormData): Partial<NewPerson> {
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const age = text('newPerson.estimatedAge');
  const channel = text('newPerson.safeContact.channel') as SafeChannel | undefined;
  return {
    fatherName: text('newPerson.fatherName'),
    locality: text('newPerson.locality'),
    governorate: text('newPerson.governorate'),
    languages: data.getAll('newPerson.languages').map(String) as Language[],
    estimatedAge: age === undefined ? undefined : Number(age),
    safeContact: channel
      ? {
          channel,
          phoneShared: data.get('newPerson.safeContact.phoneShared') === 'on',
          safeTimes: text('newPerson.safeContact.safeTimes'),
          doNotTell: text('newPerson.safeContact.doNotTell'),
        }
      : undefined,
  };
}

/** A new person's optional details on the referral form: each minimal, none required. */
export function PersonDetailsFields(props: { errors: Record<string, string | undefined> }) {
  const e = (name: string) => props.errors[name];
  return (
    <fieldset class="subsection" data-testid="person-details">
      <legend>{pt('detailsTitle')}</legend>
      <div class="form-grid">
        <TextField
          label={pt('fatherName')}
          name="newPerson.fatherName"
          maxLength={160}
          hint={pt('fatherHint')}
          error={e('newPerson.fatherName')}
        />
        <TextField
          label={pt('estimatedAge')}
          name="newPerson.estimatedAge"
          type="number"
          inputmode="numeric"
          min={0}
          max={MAX_ESTIMATED_AGE}
          error={e('newPerson.estimatedAge')}
        />
        <TextField label={pt('locality')} name="newPerson.locality" maxLength={120} error={e('newPerson.locality')} />
        <TextField label={pt('governorate')} name="newPerson.governorate" maxLength={120} error={e('newPerson.governorate')} />
      </div>
      <ChoiceGroup
        label={pt('languages')}
        name="newPerson.languages"
        type="checkbox"
        options={LANGUAGES}
        labelOf={languageName}
        error={e('newPerson.languages')}
        testId="person-languages"
      />
      <fieldset class="subsection">
        <legend>{pt('safeTitle')}</legend>
        <p class="hint">{pt('safeHint')}</p>
        <div class="form-grid">
          <OptionsField
            label={pt('channel')}
            name="newPerson.safeContact.channel"
            options={SAFE_CHANNELS}
            labelOf={(c) => pt(`channels.${c}`)}
            placeholder={pt('none')}
            error={e('newPerson.safeContact.channel') ?? e('newPerson.safeContact')}
          />
          <TextField
            label={pt('safeTimes')}
            name="newPerson.safeContact.safeTimes"
            maxLength={200}
            error={e('newPerson.safeContact.safeTimes')}
          />
          <TextAreaField
            label={pt('doNotTell')}
            name="newPerson.safeContact.doNotTell"
            maxLength={200}
            rows={2}
            error={e('newPerson.safeContact.doNotTell')}
          />
        </div>
        <label class="choice">
          <input type="checkbox" name="newPerson.safeContact.phoneShared" />
          <span>{pt('phoneShared')}</span>
        </label>
      </fieldset>
    </fieldset>
  );
}
