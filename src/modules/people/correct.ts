import { subject } from '@casl/ability';
import { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { text } from '../../lib/text.js';
import { COHORTS, SEXES } from '../../shared/vocabulary.js';
import { diff, recordChanges, staleVersion } from '../history/record.js';
import { nameKeys } from './names.js';
import { BirthDate, BirthYear, EstimatedAge, Languages, Name, Place } from './schema.js';
import { personSelect } from './service.js';
import { SafeContact, openSafeContact, sealSafeContact } from './safe-contact.js';

/** A correction of a person's details: the version the form opened, and only the fields it changes (null clears). */
export const CorrectPersonInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  nameArabic: Name.nullable().optional(),
  nameLatin: Name.nullable().optional(),
  birthDate: BirthDate.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  sex: z.enum(SEXES).optional(),
  nationality: text().length(2).toUpperCase().nullable().optional(),
  languages: Languages.optional(),
  cohort: z.enum(COHORTS).optional(),
  contact: text().max(200).nullable().optional(),
  guardianName: Name.nullable().optional(),
  guardianContact: text().max(200).nullable().optional(),
  fatherName: Name.nullable().optional(),
  locality: Place.nullable().optional(),
  governorate: Place.nullable().optional(),
  /** An age in years when the birth date is unknown: the birth year follows it, marked estimated. */
  estimatedAge: EstimatedAge.optional(),
  safeContact: SafeContact.nullable().optional(),
});
type CorrectPerson = z.infer<typeof CorrectPersonInput>;
type Fields = Omit<CorrectPerson, 'id' | 'version' | 'estimatedAge'> & { birthYearEstimated?: boolean };

const bad = (fields: Record<string, string>) => new AppError('BAD_INPUT', { fields });

/** The fields after the correction, with the birth year following a corrected birth date; refuses what cannot be. */
function corrected(row: Required<Fields>, input: Omit<CorrectPerson, 'id' | 'version'>, now: Date): Fields {
  const { estimatedAge, ...next }: Fields & { estimatedAge?: number } = { ...input };
  if (estimatedAge !== undefined) {
    // An age stands in for an unknown birth: with a date (kept or sent) or a year sent beside it, it would contradict them.
    if (next.birthYear != null || (next.birthDate === undefined ? row.birthDate : next.birthDate))
      throw bad({ estimatedAge: 'age_with_birth' });
    next.birthYear = now.getUTCFullYear() - estimatedAge;
    next.birthYearEstimated = true;
  } else if (next.birthDate || next.birthYear != null) next.birthYearEstimated = false;
  const nameArabic = next.nameArabic === undefined ? row.nameArabic : next.nameArabic;
  const nameLatin = next.nameLatin === undefined ? row.nameLatin : next.nameLatin;
  // A person is found by their name: one script at least stays.
  if (!nameArabic && !nameLatin) throw bad({ nameArabic: 'name_required', nameLatin: 'name_required' });
  const birthDate = next.birthDate === undefined ? row.birthDate : next.birthDate;
  if (next.birthDate && next.birthYear === undefined) next.birthYear = next.birthDate.getUTCFullYear();
  const birthYear = next.birthYear === undefined ? row.birthYear : next.birthYear;
  if (birthDate && birthYear !== birthDate.getUTCFullYear()) throw bad({ birthYear: 'birth_year_mismatch' });
  return next;
}

/**
 * Corrects a person's details (DESIGN: own referrals | coordinator). Refused with NOT_FOUND when out of
 * reach, FORBIDDEN (at the field) for a field the user may not correct, STALE_VERSION when the record
 * changed since the form was opened. Each changed field goes to the history; the name keys follow the names.
 */
export async function correctPerson(ctx: ServiceContext, input: CorrectPerson) {
  assertCan(ctx.ability, 'correct', 'Person');
  const row = await ctx.db.person.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'correct').ofType('Person'), { id: input.id }] },
    select: {
      ...personSelect,
      municipalityId: true,
      version: true,
      safeContact: true,
      anonymisedAt: true,
      referrals: { where: { referrerId: ctx.user.id }, select: { referrerId: true } },
    },
  });
  if (!row) throw notFound('Person', input.id);
  // Retention destroyed the person's details: a correction would write them back.
  if (row.anonymisedAt) throw new AppError('CASE_ANONYMISED');
  // Compared (and kept in the history) as the user wrote it, not as its ciphertext.
  const current = { ...row, safeContact: await openSafeContact(ctx, row.id, row.safeContact) };
  const { id, version, ...fields } = input;
  const sent = Object.keys(fields).filter((f) => fields[f as keyof typeof fields] !== undefined);
  const refused = sent.filter((f) => !ctx.ability.can('correct', subject('Person', { ...row }) as never, f));
  if (refused.length)
    throw new AppError('FORBIDDEN', { entity: { type: 'Person', id }, fields: Object.fromEntries(refused.map((f) => [f, 'FORBIDDEN'])) });
  const next = corrected(current as Required<Fields>, fields, ctx.clock());
  const theirs = () => Object.fromEntries(sent.map((f) => [f, current[f as keyof typeof current]]));
  if (version !== row.version) throw await staleVersion(ctx, 'Person', id, theirs());
  const changes = diff(current as Record<string, unknown>, next);
  // Only the version goes back: a referrer may correct names without reading the rest of the record.
  if (changes.length === 0) return { id, version, unchanged: true };
  const names = changes.some((c) => c.field === 'nameArabic' || c.field === 'nameLatin');
  const { count } = await ctx.db.person.updateMany({
    where: { id, municipalityId: row.municipalityId, version },
    data: {
      ...next,
      safeContact: next.safeContact === undefined ? undefined : await sealSafeContact(ctx, { id }, next.safeContact),
      ...(names
        ? keysOf(
            next.nameArabic === undefined ? row.nameArabic : next.nameArabic,
            next.nameLatin === undefined ? row.nameLatin : next.nameLatin,
          )
        : {}),
      version: { increment: 1 },
    },
  });
  // Someone saved between our read and our write (their transaction held the row): theirs stands.
  if (count === 0) throw await staleVersion(ctx, 'Person', id, theirs());
  await recordChanges(ctx, { type: 'Person', id, municipalityId: row.municipalityId, version: version + 1 }, changes);
  ctx.audit.subject('Person', id).detail({ fields: changes.map((c) => c.field), version: version + 1 });
  return { id, version: version + 1, unchanged: false };
}

/** The matching keys of a person's names, as createPerson derives them. */
function keysOf(nameArabic: string | null | undefined, nameLatin: string | null | undefined) {
  const keys = nameKeys(nameLatin ?? nameArabic!);
  return { latinKey: keys.latinKey, skeleton: (nameArabic ? nameKeys(nameArabic) : keys).skeleton };
}
