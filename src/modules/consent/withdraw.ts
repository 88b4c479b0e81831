import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { recordEvent } from '../cases/access.js';
import { caseForConsent } from './service.js';
import { writeNote } from '../cases/notes.js';
import { endDisclosures } from './end.js';
import type { WithdrawConsent } from './schema.js';

/**
 * Key worker or coordinator: records that the person withdrew consent (one consent, or every one still
 * in force when none is named), and at once ends every live disclosure resting on it (other legal bases
 * stand). An optional note is kept as a restricted case note: consent talk stays between the person and
 * their key worker. A withdrawn consent can be given again later: that is a renewal.
 */
export async function withdrawConsent(ctx: ServiceContext, input: WithdrawConsent) {
  const c = await caseForConsent(ctx, input.caseId);
  const now = ctx.clock();
  if (input.consentId) {
    const exists = await ctx.db.consent.count({ where: { id: input.consentId, caseId: c.id, municipalityId: c.municipalityId } });
    if (!exists) throw new AppError('NOT_FOUND', { entity: { type: 'Consent', id: input.consentId }, fields: { consentId: 'NOT_FOUND' } });
  }
  // Row locks: a concurrent cases.disclose holds FOR SHARE on the consent it names (see cases/team.ts), so
  // either it commits first and its disclosure is ended below, or it waits and then sees the withdrawal.
  const withdrawn = await ctx.db.$queryRaw<{ id: string }[]>`
    UPDATE consent SET withdrawn_at = ${now}, withdrawn_by_id = ${ctx.user.id}::uuid
    WHERE case_id = ${c.id}::uuid AND withdrawn_at IS NULL AND renewed_at IS NULL AND expires_at > ${now}
      AND (${input.consentId ?? null}::uuid IS NULL OR id = ${input.consentId ?? null}::uuid)
    RETURNING id`;
  if (withdrawn.length === 0) {
    // Nothing in force to withdraw: already withdrawn, or (named) expired or renewed.
    const already = input.consentId
      ? (await ctx.db.consent.count({ where: { id: input.consentId, municipalityId: c.municipalityId, withdrawnAt: { not: null } } })) > 0
      : true;
    throw new AppError('CONFLICT', { fields: { [input.consentId ? 'consentId' : 'caseId']: already ? 'ALREADY_WITHDRAWN' : 'not_live' } });
  }
  await ctx.db.case.updateMany({ where: { id: c.id, municipalityId: c.municipalityId }, data: { consentWithdrawnAt: now } });
  const consentIds = withdrawn.map((w) => w.id);
  const resting = await ctx.db.disclosure.findMany({
    where: { caseId: c.id, municipalityId: c.municipalityId, consentId: { in: consentIds }, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  const revoked = await endDisclosures(
    ctx.db,
    c,
    resting.map((d) => d.id),
    now,
    ctx.user.id,
    'consent_withdrawn',
    false,
  );
  const note = input.note
    ? await ctx.audit.step('case.note.create', (audit) => writeNote({ ...ctx, audit }, c, input.note!, 'restricted'))
    : null;
  await recordEvent(ctx, c, 'consent', {
    withdrawn: true,
    consentIds,
    revoked: revoked.length,
    disclosureIds: revoked,
    ...(note ? { noteId: note.id } : {}),
  });
  ctx.audit.detail({ consentIds, revoked: revoked.length, disclosureIds: revoked });
  return { id: c.id, consentIds, consentWithdrawnAt: now, revoked: revoked.length };
}
