import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { TEST_KEY_SPEC, callerFor } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { fullRatings, makeAssessor } from '../helpers/assessment-factories.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { verifyChain } from '../../src/audit/verify.js';
import { COMMENT_FIELD, JUDGEMENT_FIELD } from '../../src/modules/assessments/service.js';

const { db } = await testDb();

describe('rotate-key and assessments', () => {
  it('re-encrypts judgements and rating comments under the new key, audited in the case’s municipality', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    await makeAssessor(db, town.coordinator);
    const { caller } = await callerFor(db, town.coordinator);
    const ratings = await fullRatings(db, town.town.id, undefined, (f) => (f.code.startsWith('pro_') ? `Comment on ${f.code}` : undefined));
    const created = await caller.assessments.create({ caseId: c.id, ratings, overallJudgement: 'Judgement under key one' });

    const keyring = parseKeyring(`${TEST_KEY_SPEC},${newKeySpec(2)}`);
    const done = await rotateAll(db, keyring);
    expect(done[JUDGEMENT_FIELD]).toBeGreaterThanOrEqual(1);
    expect(done[COMMENT_FIELD]).toBeGreaterThanOrEqual(4);
    const row = await db.assessment.findUniqueOrThrow({
      where: { id: created.id },
      select: { overallJudgement: true, ratings: { select: { comment: true, factor: { select: { code: true } } } } },
    });
    expect(row.overallJudgement).toMatch(/^v2\./);
    expect(keyring.decrypt(row.overallJudgement, JUDGEMENT_FIELD)).toBe('Judgement under key one');
    const comments = row.ratings.filter((r) => r.comment !== null);
    expect(comments).toHaveLength(4);
    for (const r of comments) {
      expect(r.comment).toMatch(/^v2\./);
      expect(keyring.decrypt(r.comment!, COMMENT_FIELD)).toBe(`Comment on ${r.factor.code}`);
    }
    // Ratings without a comment stay without one.
    expect(row.ratings.filter((r) => r.comment === null)).toHaveLength(12);
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, action: 'data.rotateKey' },
      select: { detail: true },
    });
    expect(events.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { field: JUDGEMENT_FIELD, count: 1 },
        { field: COMMENT_FIELD, count: 4 },
      ]),
    );
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
    // Running again finds nothing left under the old key.
    expect((await rotateAll(db, keyring))[COMMENT_FIELD]).toBe(0);
  });
});
