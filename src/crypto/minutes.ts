import type { Db } from '../db.js';
import { type KeyContext, isLegacy, openText } from './envelope.js';
import { decryptEither } from './event-words.js';
import type { Keyring } from './keyring.js';
import { auditBatch } from './rotate-batch.js';

/** The field bound into a minute's ciphertext (meetings/minutes.ts). */
export const MINUTE_FIELD = 'meeting.minute';

/**
 * A meeting's general minute (about no agenda item, so no record's key to be under): sealed under the
 * master keyring bound to `meeting.minute/<minute id>`, so a copy in another row does not open.
 */
export const sealGeneralMinute = (keyring: Keyring, id: string, words: string) => keyring.encrypt(words, `${MINUTE_FIELD}/${id}`);

/**
 * Opens a minute: under its case's key (about an agenda item), or under the master keyring bound to its
 * row; one written before that (bound to the field alone) still opens until `bindGeneralMinutes` moves it.
 */
export const openMinute = (ctx: KeyContext, id: string, stored: string): Promise<string> =>
  isLegacy(stored) ? Promise.resolve(decryptEither(ctx.keyring, stored, MINUTE_FIELD, id)) : openText(ctx, MINUTE_FIELD, id, stored);

/**
 * Binds the general minutes written before they were row-bound to their row (the start-up job and
 * rotate-key), a batch per transaction, audited (`data.rotateKey`). Returns how many it moved.
 */
export async function bindGeneralMinutes(db: Db, keyring: Keyring, batch = 500): Promise<number> {
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { seen, last, moved } = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; municipality_id: string; body: string }[]>`
        SELECT id::text, municipality_id::text, body FROM meeting_minute
         WHERE agenda_item_id IS NULL AND body LIKE 'v%' AND id > ${after}::uuid ORDER BY id LIMIT ${batch} FOR UPDATE`;
      const towns: string[] = [];
      for (const r of rows) {
        const aad = `${MINUTE_FIELD}/${r.id}`;
        try {
          keyring.decrypt(r.body, aad);
          continue;
        } catch {
          // Not row-bound yet: below.
        }
        const words = keyring.decrypt(r.body, MINUTE_FIELD);
        await tx.$executeRaw`UPDATE meeting_minute SET body = ${keyring.encrypt(words, aad)} WHERE id = ${r.id}::uuid`;
        towns.push(r.municipality_id);
      }
      await auditBatch(tx, keyring, `${MINUTE_FIELD}.general`, towns);
      return { seen: rows.length, last: rows.at(-1)?.id, moved: towns.length };
    });
    total += moved;
    if (seen < batch || !last) return total;
    after = last;
  }
}
