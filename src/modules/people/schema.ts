import { z } from 'zod';
import { text } from '../../lib/text.js';
import { COHORTS, RELATIONSHIPS, SEXES } from '../../shared/vocabulary.js';
import { LANGUAGES, MAX_ESTIMATED_AGE } from '../../shared/person-details.js';
import { SafeContact } from './safe-contact.js';

export const Name = text().min(2).max(160);
// Checked against today's date at each call, not the day the server started.
export const BirthYear = z
  .number()
  .int()
  .min(1900)
  .refine((y) => y <= new Date().getUTCFullYear(), 'in_future');
export const BirthDate = z
  .date()
  .min(new Date('1900-01-01'))
  .refine((d) => d <= new Date(), 'in_future');

/** A place name (locality, governorate). */
export const Place = text().min(2).max(120);
/** Languages the person speaks: known codes, each once. */
export const Languages = z
  .array(z.enum(LANGUAGES))
  .max(LANGUAGES.length)
  .refine((l) => new Set(l).size === l.length, 'duplicate');
/** An age in years, when the birth date is unknown: the birth year is worked out from it and marked estimated. */
export const EstimatedAge = z.number().int().min(0).max(MAX_ESTIMATED_AGE);

export const MatchPeopleInput = z.object({
  name: Name,
  birthYear: BirthYear.optional(),
  /** Matching for this person (its page's possible duplicates): it and those marked "not the same person" are left out. */
  forPersonId: z.uuid().optional(),
});

export const CreatePersonInput = z
  .object({
    nameArabic: Name.optional(),
    nameLatin: Name.optional(),
    birthDate: BirthDate.optional(),
    birthYear: BirthYear.optional(),
    sex: z.enum(SEXES).default('unknown'),
    nationality: text().length(2).toUpperCase().optional(),
    languages: Languages.default([]),
    cohort: z.enum(COHORTS),
    contact: text().max(200).optional(),
    guardianName: Name.optional(),
    guardianContact: text().max(200).optional(),
    fatherName: Name.optional(),
    locality: Place.optional(),
    governorate: Place.optional(),
    estimatedAge: EstimatedAge.optional(),
    safeContact: SafeContact.optional(),
  })
  .superRefine((p, ctx) => {
    // An age is for when the birth is unknown: with a date or a year it would contradict them.
    if (p.estimatedAge !== undefined && (p.birthDate || p.birthYear !== undefined))
      ctx.addIssue({ code: 'custom', message: 'age_with_birth', path: ['estimatedAge'] });
    // Either script will do, so the form marks both fields.
    if (p.nameArabic || p.nameLatin) return;
    for (const field of ['nameArabic', 'nameLatin']) ctx.addIssue({ code: 'custom', message: 'name_required', path: [field] });
  });

export const PersonIdInput = z.object({ id: z.uuid() });

export const LinkHouseholdInput = z
  .object({ personId: z.uuid(), memberId: z.uuid(), relationship: z.enum(RELATIONSHIPS) })
  .refine((v) => v.personId !== v.memberId, { message: 'same_person', path: ['memberId'] });

/** Two records of one person: `mergedId`'s referrals, cases and household links move to `survivorId`. */
export const MergePeopleInput = z
  .object({ survivorId: z.uuid(), mergedId: z.uuid() })
  .refine((v) => v.survivorId !== v.mergedId, { message: 'same_person', path: ['mergedId'] });

export const UnmergeInput = z.object({ personId: z.uuid(), mergeId: z.uuid() });

/** A pair found NOT to be one person (either order). */
export const DistinctPairInput = z
  .object({ personId: z.uuid(), otherId: z.uuid() })
  .refine((v) => v.personId !== v.otherId, { message: 'same_person', path: ['otherId'] });
