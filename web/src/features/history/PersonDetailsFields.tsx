import { t, tKey } from '../../i18n';
import { field } from '../../lib/form';
import { OptionsField, TextField } from '../../components/Field';
import type { Outputs } from '../../lib/trpc';
import { COHORTS, SEXES, type Cohort, type Sex } from '../referrals/api';
import { PersonDetailsFields as OptionalDetails, correctedDetails, detailFields } from '../referrals/PersonDetailsFields';

/** A person's details as people.get gives them to a coordinator. */
export type PersonDetails = Outputs['people']['get'];

/** The details beyond names and birth, read from a submitted form (an emptied field clears). */
export function detailsOf(data: FormData) {
  return {
    sex: field(data, 'sex') as Sex,
    cohort: field(data, 'cohort') as Cohort,
    nationality: field(data, 'nationality') || null,
    contact: field(data, 'contact') || null,
    guardianName: field(data, 'guardianName') || null,
    guardianContact: field(data, 'guardianContact') || null,
    // Father's name, place, languages and the safe way to reach the person (issue 15).
    ...correctedDetails(data),
  };
}

export const DETAIL_FIELDS = ['sex', 'cohort', 'nationality', 'contact', 'guardianName', 'guardianContact', ...detailFields('')] as const;

/** The coordinator's further fields of a correction: sex, cohort, nationality, contact, guardian. */
export function PersonDetailsFields(props: { person: PersonDetails; errors: Record<string, string | undefined> }) {
  return (
    <>
      <OptionsField
        label={t('changes.fields.sex')}
        name="sex"
        required
        options={SEXES}
        labelOf={(v) => tKey('sexes', v)}
        selected={props.person.sex}
        error={props.errors.sex}
      />
      <OptionsField
        label={t('changes.fields.cohort')}
        name="cohort"
        required
        options={COHORTS}
        labelOf={(v) => tKey('cohorts', v)}
        selected={props.person.cohort}
        error={props.errors.cohort}
      />
      <TextField
        label={t('changes.fields.nationality')}
        name="nationality"
        maxLength={2}
        dir="ltr"
        value={props.person.nationality ?? ''}
        error={props.errors.nationality}
      />
      <TextField
        label={t('changes.fields.contact')}
        name="contact"
        dir="auto"
        value={props.person.contact ?? ''}
        error={props.errors.contact}
      />
      <TextField
        label={t('changes.fields.guardianName')}
        name="guardianName"
        dir="auto"
        value={props.person.guardianName ?? ''}
        error={props.errors.guardianName}
      />
      <TextField
        label={t('changes.fields.guardianContact')}
        name="guardianContact"
        dir="auto"
        value={props.person.guardianContact ?? ''}
        error={props.errors.guardianContact}
      />
      <OptionalDetails errors={props.errors} prefix="" values={props.person} age={false} />
    </>
  );
}
