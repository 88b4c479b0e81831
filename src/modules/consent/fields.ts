import type { Prisma } from '../../generated/prisma/client.js';

/** The encrypted columns of a consent; each ciphertext is bound to its table, field and row id. */
export const SCOPE_FIELD = 'consent.scope';
export const GIVER_NAME_FIELD = 'consent.giver_name';
export const scopeAad = (id: string) => `${SCOPE_FIELD}/${id}`;
export const giverNameAad = (id: string) => `${GIVER_NAME_FIELD}/${id}`;

/** A consent is live from when it was given until it expires, is withdrawn or is renewed. */
export const liveConsent = (now: Date): Prisma.ConsentWhereInput => ({
  withdrawnAt: null,
  renewedAt: null,
  givenAt: { lte: now },
  expiresAt: { gt: now },
});

export const consentSelect = {
  id: true,
  caseId: true,
  givenBy: true,
  giverName: true,
  relationship: true,
  purposes: true,
  anyPartner: true,
  agencyIds: true,
  method: true,
  formReference: true,
  givenAt: true,
  expiresAt: true,
  scope: true,
  referralId: true,
  recordedById: true,
  recordedAt: true,
  withdrawnAt: true,
  withdrawnById: true,
  renewsId: true,
  renewedAt: true,
} satisfies Prisma.ConsentSelect;
export type ConsentRow = Prisma.ConsentGetPayload<{ select: typeof consentSelect }>;

export type ConsentStatus = 'live' | 'expired' | 'withdrawn' | 'renewed' | 'pending';

/** Where a consent stands at `now`; a renewal outranks the withdrawal or expiry before it. */
export function statusOf(c: Pick<ConsentRow, 'withdrawnAt' | 'renewedAt' | 'givenAt' | 'expiresAt'>, now: Date): ConsentStatus {
  if (c.renewedAt) return 'renewed';
  if (c.withdrawnAt) return 'withdrawn';
  if (c.expiresAt <= now) return 'expired';
  if (c.givenAt > now) return 'pending';
  return 'live';
}
