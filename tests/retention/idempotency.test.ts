import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/router.js';
import { answerAad } from '../../src/trpc/idempotency.js';
import { runRetention } from '../../src/modules/retention/run.js';

const { db } = await testDb();
const WORDS = 'Synthetic purpose words: for the family doctor Layla sees.';

describe('retention and kept idempotent answers', () => {
  it('an anonymised case leaves no kept answer that still holds its words', async () => {
    const town = await makeTown(db);
    // Closed long ago: past any retention period.
    const c = await makeCase(db, town, { stage: 'closed' });
    await db.case.update({ where: { id: c.id }, data: { closedAt: new Date('2020-01-10T09:00:00Z'), followUpAt: null } });
    const { token, clock } = await callerFor(db, town.coordinator);
    const keyed = (key: string) =>
      createCaller(
        createContext(
          { db, clock, config: testConfig(), keyring: testKeyring },
          { token, ip: '203.0.113.9', requestId: randomUUID(), idempotencyKey: key },
        ),
      );
    const purpose = await db.disclosurePurpose.findFirstOrThrow({ where: { municipalityId: town.town.id, code: 'health' } });
    // A disclosure's answer carries its purpose words (a note's carries no words).
    await keyed(randomUUID()).cases.disclose({
      caseId: c.id,
      agencyId: town.agency.id,
      purposeId: purpose.id,
      purposeWords: WORDS,
      sections: ['summary'],
      legalBasis: 'public_task',
      expiresAt: new Date(clock().getTime() + 30 * 86_400_000),
    });
    const answers = async () =>
      (await db.idempotencyKey.findMany({ where: { userId: town.coordinator.id }, select: { answer: true, key: true } })).map((k) =>
        testKeyring.decrypt(k.answer, answerAad(town.coordinator.id, k.key)),
      );
    expect((await answers()).some((a) => a.includes(WORDS))).toBe(true);

    const result = await runRetention(db, town.town.id, clock);
    expect(result.cases).toBe(1);
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { anonymisedAt: true } })).toMatchObject({
      anonymisedAt: expect.any(Date),
    });
    expect((await answers()).some((a) => a.includes(WORDS))).toBe(false);
  });
});
