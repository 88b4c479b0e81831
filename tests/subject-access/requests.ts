import { randomUUID } from 'node:crypto';
import { testDb } from '../helpers/db.js';
import { testKeyring } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { assemble } from '../../src/modules/subject-access/assemble.js';
import type { Reader } from '../../src/modules/subject-access/reader.js';
import { sealDecisions } from '../../src/modules/subject-access/texts.js';

/**
 * A subject-access request of a person, as the service leaves it: `prepared`, `decided` (every item
 * for review included, ready for release) or `released`. A random id when there is no such person.
 */
export async function subjectAccessRequest(personId: string | undefined, state: 'prepared' | 'decided' | 'released' = 'prepared') {
  const { db } = await testDb();
  const person = personId ? await db.person.findUnique({ where: { id: personId }, select: { id: true, municipalityId: true } }) : null;
  if (!person) return randomUUID();
  const { municipalityId } = person;
  const by = await db.user.findFirstOrThrow({ where: { municipalityId, role: 'coordinator' }, select: { id: true } });
  const id = randomUUID();
  const at = manualClock()();
  let decisions: string | null = null;
  if (state !== 'prepared') {
    const reader = { db, keyring: testKeyring, user: { municipalityId }, clock: () => at } as unknown as Reader;
    const { reviewItems } = await assemble(reader, person.id, {
      decisions: {},
      released: false,
      asOf: null,
      asOfEventId: null,
      language: 'en',
      staffNames: false,
    });
    const all = Object.fromEntries(reviewItems.map((k) => [k, { include: true, reason: null }]));
    decisions = reviewItems.length ? await sealDecisions(reader, person.id, id, JSON.stringify(all)) : null;
  }
  await db.subjectAccessRequest.create({
    data: {
      id,
      municipalityId,
      personId: person.id,
      requestedBy: 'person',
      language: 'en',
      preparedById: by.id,
      createdAt: at,
      decisions,
      ...(state === 'released'
        ? { releasedAt: at, releasedById: by.id, releaseMethod: 'handed_over', asOfEventId: 0n, digest: '0'.repeat(64) }
        : {}),
    },
    select: { id: true },
  });
  return id;
}
