import type { Inputs } from '../../lib/trpc';
import { startOfDay } from '../../lib/dates';
import { yearOf } from './PersonSection';
import type { Cohort, ConcernCategory, LegalBasis, Sex, Source, Urgency } from './api';
import type { ListItem } from '../lists/api';
import { DETAIL_FIELDS, detailsInput } from './PersonDetailsFields';

export type CreateReferral = Inputs['referrals']['create'];

/** Every field of the referral form, by the server's field names (its errors come back under them). */
export const REFERRAL_FIELDS = [
  'personId',
  'newPerson.nameArabic',
  'newPerson.nameLatin',
  'newPerson.birthYear',
  'newPerson.sex',
  'newPerson.guardianName',
  ...DETAIL_FIELDS,
  'cohort',
  'cohortItemId',
  'source',
  'concernCategories',
  'concernItemIds',
  'concernText',
  'urgency',
  'consent.by',
  'consent.at',
  'consent.scope',
  'consent.legalBasis',
  'consent.justification',
] as const;

/**
 * The referral a submitted form describes: about `personId` when a match was chosen, otherwise a new
 * person from the form's fields. Values are passed on as typed; the server validates them all. Cohort and
 * categories are the municipality's items (`items`): their core codes go with them (the server takes
 * the codes from the items again).
 */
export function referralInput(data: FormData, personId: string | undefined, items: readonly ListItem[] = []): CreateReferral {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const optional = (name: string) => text(name) || undefined;
  const consent: CreateReferral['consent'] =
    text('consent.given') === 'notGiven'
      ? {
          given: false,
          legalBasis: text('consent.legalBasis') as Exclude<LegalBasis, 'consent'>,
          justification: text('consent.justification'),
        }
      : {
          given: true,
          by: text('consent.by') as 'person' | 'guardian',
          at: startOfDay(text('consent.at')) ?? new Date(Number.NaN),
          scope: text('consent.scope'),
        };
  const codeOf = (id: string) => items.find((i) => i.id === id)?.code ?? '';
  const cohortItemId = text('cohortItemId');
  const cohort = codeOf(cohortItemId) as Cohort;
  const concernItemIds = data.getAll('concernItemIds').map(String);
  return {
    ...(personId
      ? { personId }
      : {
          newPerson: {
            nameArabic: optional('newPerson.nameArabic'),
            nameLatin: optional('newPerson.nameLatin'),
            birthYear: yearOf(text('birthYear')),
            sex: (optional('newPerson.sex') ?? 'unknown') as Sex,
            guardianName: optional('newPerson.guardianName'),
            cohort,
            ...detailsInput(data),
          },
        }),
    cohort,
    ...(cohortItemId ? { cohortItemId } : {}),
    source: text('source') as Source,
    concernCategories: concernItemIds.map(codeOf) as ConcernCategory[],
    ...(concernItemIds.length ? { concernItemIds } : {}),
    concernText: text('concernText'),
    urgency: text('urgency') as Urgency,
    consent,
  };
}
