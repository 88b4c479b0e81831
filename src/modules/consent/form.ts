import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { findCase } from '../cases/access.js';
import { consentSelect } from './fields.js';
import { present } from './service.js';

/** Countries whose second official or working language is French; elsewhere the form pairs Arabic with English. */
const FRENCH_COUNTRIES = new Set(['MA', 'TN', 'DZ', 'LB', 'MR']);

/**
 * The printable consent form's second language: the municipality's own language when it is French or
 * English, otherwise French or English by its country. Arabic is always the first.
 */
export function formLanguages(m: { country: string; defaultLocale: string }): ['ar', 'fr' | 'en'] {
  if (m.defaultLocale === 'fr' || m.defaultLocale === 'en') return ['ar', m.defaultLocale];
  return ['ar', FRENCH_COUNTRIES.has(m.country.toUpperCase()) ? 'fr' : 'en'];
}

/**
 * Key worker or coordinator: what the printable, bilingual consent form shows (the person, who gives
 * consent, purposes, recipients by name, duration; the right to withdraw and the signature lines are
 * the page's fixed text). Each call is a print and is audited as case.consent.print.
 */
export async function consentForm(ctx: ServiceContext, input: { caseId: string; consentId: string }) {
  const c = await findCase(ctx, input.caseId, 'consent', {
    id: true,
    reference: true,
    person: { select: { nameArabic: true, nameLatin: true, birthYear: true, birthDate: true } },
    municipality: { select: { name: true, country: true, defaultLocale: true } },
  });
  const row = await ctx.db.consent.findFirst({
    where: { id: input.consentId, caseId: c.id, municipalityId: ctx.user.municipalityId },
    select: { ...consentSelect, referral: { select: { id: true, consentScope: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND', { entity: { type: 'Consent', id: input.consentId }, fields: { consentId: 'NOT_FOUND' } });
  const agencies = row.anyPartner
    ? []
    : await ctx.db.agency.findMany({
        where: { id: { in: row.agencyIds }, municipalityId: ctx.user.municipalityId },
        select: { id: true, name: true },
        orderBy: { name: 'asc' },
      });
  const languages = formLanguages(c.municipality);
  ctx.audit.detail({ consentId: row.id, languages });
  return {
    caseReference: c.reference,
    municipality: c.municipality.name,
    languages,
    person: c.person,
    consent: await present(ctx, row, ctx.clock()),
    agencies,
  };
}
