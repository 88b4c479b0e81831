import type { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { findCase, recordEvent } from './access.js';
import { writeNote } from './notes.js';
import type { WithdrawConsentInput } from './schema.js';

/**
 * Key worker or coordinator: records that the person withdrew consent, and at once revokes every
 * live disclosure of the case that relied on it (other legal bases stand). An optional note is kept
 * as a restricted case note, since consent talk stays between the person and their key worker.
 */
export async function withdrawConsent(ctx: ServiceContext, input: z.infer<typeof WithdrawConsentInput>) {
  const c = await findCase(ctx, input.caseId, 'consent', { id: true, municipalityId: true });
  const now = ctx.clock();
  // The row lock this takes orders us against a concurrent cases.disclose (see there); once only.
  const { count } = await ctx.db.case.updateMany({ where: { id: c.id, consentWithdrawnAt: null }, data: { consentWithdrawnAt: now } });
  if (count === 0) throw new AppError('CONFLICT', { fields: { caseId: 'ALREADY_WITHDRAWN' } });
  const live = await ctx.db.disclosure.findMany({
    where: { caseId: c.id, legalBasis: 'consent', revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  const revoked = live.map((d) => d.id);
  await ctx.db.disclosure.updateMany({
    where: { id: { in: revoked } },
    data: { revokedAt: now, revokedById: ctx.user.id, revokeReason: 'consent_withdrawn' },
  });
  const note = input.note
    ? await ctx.audit.step('case.note.create', (audit) => writeNote({ ...ctx, audit }, c, input.note!, 'restricted'))
    : null;
  await recordEvent(ctx, c, 'consent', {
    withdrawn: true,
    revoked: revoked.length,
    disclosureIds: revoked,
    ...(note ? { noteId: note.id } : {}),
  });
  ctx.audit.detail({ revoked: revoked.length, disclosureIds: revoked });
  return { id: c.id, consentWithdrawnAt: now, revoked: revoked.length };
}
