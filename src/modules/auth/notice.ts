import type { Prisma } from '../../generated/prisma/client.js';

/** The columns an account notice is made of, for the selects of sign-in and auth.me. */
export const noticeSelect = {
  credentialsSetAt: true,
  credentialsSetHow: true,
  noticeSeenAt: true,
  credentialsSetBy: { select: { displayName: true } },
} satisfies Prisma.UserSelect;

/** What the owner of an account is told: another person set their password (created or reset), who and when. */
export interface AccountNotice {
  kind: 'created' | 'reset';
  by: string;
  at: Date;
}

/**
 * The notice not dismissed yet, or null: shown from the next sign-in on (also while the one-time
 * password must still be replaced) until it is dismissed. A password set again later makes a new one.
 */
export function pendingNotice(row: Prisma.UserGetPayload<{ select: typeof noticeSelect }>): AccountNotice | null {
  const { credentialsSetAt: at, credentialsSetHow: kind, noticeSeenAt: seen, credentialsSetBy: by } = row;
  if (!at || !kind || !by || (seen && seen >= at)) return null;
  return { kind, by: by.displayName, at };
}
