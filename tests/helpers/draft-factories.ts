import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db.js';
import type { Keyring } from '../../src/crypto/keyring.js';
import { DRAFT_FIELD } from '../../src/modules/drafts/service.js';

const WEEK = 7 * 86_400_000;

/** A referral's draft of `author`, as drafts.save stores it (encrypted, bound to its id), live for a week from `at`. */
export async function makeDraft(db: Db, keyring: Keyring, author: { id: string; municipalityId: string }, at = new Date()) {
  const id = randomUUID();
  const body = keyring.encrypt(JSON.stringify({ concernText: 'Synthetic draft concern, not sent yet.' }), `${DRAFT_FIELD}/${id}`);
  return db.draft.create({
    data: {
      id,
      municipalityId: author.municipalityId,
      authorId: author.id,
      kind: 'referral',
      body,
      createdAt: at,
      updatedAt: at,
      expiresAt: new Date(at.getTime() + WEEK),
    },
    select: { id: true },
  });
}
