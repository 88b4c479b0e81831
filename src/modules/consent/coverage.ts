import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { ConsentPurpose } from '../../shared/vocabulary.js';

/** Refused: the field names what is wrong, the message is the translated code NO_CONSENT. */
const refuse = (field: string, why: string) => new AppError('NO_CONSENT', { fields: { [field]: why } });

/**
 * A disclosure on consent must rest on a live consent of the same case that covers it: its purpose among
 * the consent's purposes, its recipient (the agency, or a named user's agency) among the consent's
 * recipients or the consent open to any partner agency, and its expiry no later than the consent's.
 * The consent row is read FOR SHARE: a withdrawal running now either commits first (and we see it) or
 * waits for us (and then ends this disclosure too).
 */
export async function coveringConsent(
  ctx: ServiceContext,
  c: { id: string },
  d: { consentId: string; consentPurpose: ConsentPurpose; agencyId?: string; userId?: string; expiresAt: Date },
  now: Date,
) {
  const [row] = await ctx.db.$queryRaw<
    {
      purposes: string[];
      any_partner: boolean;
      agency_ids: string[];
      expires_at: Date;
      given_at: Date;
      withdrawn_at: Date | null;
      renewed_at: Date | null;
    }[]
  >`SELECT purposes, any_partner, agency_ids, expires_at, given_at, withdrawn_at, renewed_at FROM consent
    WHERE id = ${d.consentId}::uuid AND case_id = ${c.id}::uuid FOR SHARE`;
  if (!row) throw refuse('consentId', 'NOT_FOUND');
  if (row.withdrawn_at || row.renewed_at || row.expires_at <= now || row.given_at > now) throw refuse('consentId', 'not_live');
  if (!row.purposes.includes(d.consentPurpose)) throw refuse('consentPurpose', 'not_covered');
  const agency =
    d.agencyId ??
    (await ctx.db.user.findFirst({ where: { id: d.userId!, municipalityId: ctx.user.municipalityId }, select: { agencyId: true } }))
      ?.agencyId ??
    null;
  if (!row.any_partner && (agency === null || !row.agency_ids.includes(agency)))
    throw refuse(d.agencyId ? 'agencyId' : 'userId', 'not_covered');
  if (d.expiresAt > row.expires_at) throw refuse('expiresAt', 'after_consent');
}
