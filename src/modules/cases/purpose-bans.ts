import { ERASED_VALUE, recordKeysOf } from '../../crypto/envelope.js';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { brokenRule, CONSENT_FOR_PURPOSE, type PurposeCheck } from '../../shared/purposes.js';
import type { CaseSection, ConsentPurpose, LegalBasis, PurposeCode } from '../../shared/vocabulary.js';

/** The field name bound into a disclosure's free words about its purpose (with the row id: row-bound). */
export const PURPOSE_WORDS_FIELD = 'disclosure.purpose';
export const purposeWordsAad = (id: string) => `${PURPOSE_WORDS_FIELD}/${id}`;

/** Stored forms: under the master keyring (`v<n>.…`, crypto/keyring.ts), under a record key (`k1.…`), erased. */
const ENCRYPTED = /^(v\d+\.[\w-]{16}\.[\w-]{22}\.[\w-]*|k1\.[\w-]{22}\.[\w-]{16}\.[\w-]{22}\.[\w-]*)$/;

/** Seals the free words under the case's own key (crypto/envelope.ts), bound to the disclosure's row. */
export const sealPurposeWords = (ctx: Pick<ServiceContext, 'db' | 'keyring' | 'audit'>, caseId: string, id: string, words: string) =>
  recordKeysOf(ctx).seal(ctx.db, { kind: 'case', id: caseId }, purposeWordsAad(id), words);

/**
 * The free words as stored: under the case's key or (older rows) the master keyring, bound to the row;
 * erased with the case's key. Words from before the purpose list are still plain until sealed.
 */
export async function readPurposeWords(ctx: Pick<ServiceContext, 'db' | 'keyring' | 'audit'>, id: string, stored: string | null) {
  if (stored === null) return null;
  if (stored !== ERASED_VALUE && !ENCRYPTED.test(stored)) return stored;
  return recordKeysOf(ctx).open(ctx.db, purposeWordsAad(id), stored);
}

/** True when the recipient is a police-liaison agency, or a user of one. */
export async function isPoliceLiaison(ctx: ServiceContext, to: { agencyId?: string | null; userId?: string | null }) {
  const { municipalityId } = ctx.user;
  if (to.agencyId) return (await ctx.db.agency.count({ where: { id: to.agencyId, municipalityId, kind: 'police_liaison' } })) > 0;
  if (!to.userId) return false;
  const police = { municipalityId, kind: 'police_liaison' as const };
  return (await ctx.db.user.count({ where: { id: to.userId, municipalityId, agency: { is: police } } })) > 0;
}

/** The sections of a case ever disclosed for prevention: to anyone, revoked and expired ones included. */
async function preventionSections(ctx: ServiceContext, caseId: string): Promise<CaseSection[]> {
  const rows = await ctx.db.disclosure.findMany({
    where: { caseId, municipalityId: ctx.user.municipalityId, listedPurpose: { is: { code: 'prevention' } } },
    select: { sections: true },
  });
  return [...new Set(rows.flatMap((r) => r.sections))];
}

const banned = (caseId: string, field: string, rule: string) =>
  new AppError('PURPOSE_BANNED', { entity: { type: 'Case', id: caseId }, fields: { [field]: rule }, data: { rule } });

/**
 * Refuses a disclosure the purpose rules forbid (shared/purposes.ts), saying which rule: PURPOSE_BANNED
 * with the field and the rule. On consent, the consent purpose must be one that can serve the chosen
 * purpose (NO_CONSENT `not_for_purpose`). The case row is locked first when the answer depends on the
 * case's other disclosures, so a prevention disclosure and a police one made at once cannot both pass.
 */
export async function checkPurposeRules(
  ctx: ServiceContext,
  caseId: string,
  d: {
    code: PurposeCode;
    legalBasis: LegalBasis;
    consentPurpose?: ConsentPurpose;
    sections: CaseSection[];
    agencyId?: string;
    userId?: string;
  },
) {
  const toPolice = await isPoliceLiaison(ctx, d);
  const needsHistory = d.code === 'prevention' || (toPolice && d.code === 'criminal_investigation');
  if (needsHistory) await ctx.db.$queryRaw`SELECT id FROM case_record WHERE id = ${caseId}::uuid FOR UPDATE`;
  const check: PurposeCheck = {
    code: d.code,
    legalBasis: d.legalBasis,
    consentPurpose: d.consentPurpose ?? null,
    sections: d.sections,
    toPolice,
    preventionSections: toPolice && d.code === 'criminal_investigation' ? await preventionSections(ctx, caseId) : [],
  };
  const broken = brokenRule(check);
  if (broken) throw banned(caseId, broken.field, broken.rule);
  if (d.legalBasis === 'consent' && d.consentPurpose && !CONSENT_FOR_PURPOSE[d.code].includes(d.consentPurpose))
    throw new AppError('NO_CONSENT', { fields: { consentPurpose: 'not_for_purpose' } });
}

/** A key worker reads restricted notes: never someone of a police-liaison agency. */
export async function checkKeyWorker(ctx: ServiceContext, caseId: string, userId: string) {
  if (await isPoliceLiaison(ctx, { userId })) throw banned(caseId, 'keyWorkerId', 'police_restricted_notes');
}
