import { z } from 'zod';
import { text } from '../../lib/text.js';
import { COHORTS, RELATIONSHIPS, SEXES } from '../../shared/vocabulary.js';

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
    languages: z.array(text().min(2).max(8)).max(10).default([]),
    cohort: z.enum(COHORTS),
    contact: text().max(200).optional(),
    guardianName: Name.optional(),
    guardianContact: text().max(200).optional(),
  })
  .superRefine((p, ctx) => {
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
