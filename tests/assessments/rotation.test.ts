import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { TEST_KEY_SPEC, callerFor } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { fullRatings, makeAssessor } from '../helpers/assessment-factories.js';
import { newKeySpec, parseKeyring } from '../../src/crypto/keyring.js';
import { rotateAll } from '../../src/crypto/rotate.js';
import { verifyChain } from '../../src/audit/verify.js';
import { dataKeysOf, openStored } from '../helpers/crypto.js';
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
    const select = { overallJudgement: true, ratings: { select: { comment: true, factor: { select: { id: true, code: true } } } } };
    const before = await db.assessment.findUniqueOrThrow({ where: { id: created.id }, select });
    const { rewrapped } = await rotateAll(db, keyring);
    expect(rewrapped).toBeGreaterThanOrEqual(1);
    // Under the case's own key, bound to each row: rotation re-wrapped that key, the texts stay as written.
    const row = await db.assessment.findUniqueOrThrow({ where: { id: created.id }, select });
    expect(row).toEqual(before);
    expect(row.overallJudgement).toMatch(/^k1\./);
    expect((await dataKeysOf(db, [c.id]))[0]!.wrapped).toMatch(/^v2\./);
    expect(await openStored(db, `${JUDGEMENT_FIELD}/${created.id}`, row.overallJudgement, { keyring })).toBe('Judgement under key one');
    const comments = row.ratings.filter((r) => r.comment !== null);
    expect(comments).toHaveLength(4);
    for (const r of comments) {
      expect(r.comment).toMatch(/^k1\./);
      const aad = `${COMMENT_FIELD}/${created.id}/${r.factor.id}`;
      expect(await openStored(db, aad, r.comment!, { keyring })).toBe(`Comment on ${r.factor.code}`);
      // Another rating's comment (same key, another row) does not open here.
      if (r !== comments[0]) await expect(openStored(db, aad, comments[0]!.comment!, { keyring })).rejects.toThrow();
    }
    // Ratings without a comment stay without one.
    expect(row.ratings.filter((r) => r.comment === null)).toHaveLength(12);
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, action: 'data.rotateKey' },
      select: { detail: true },
    });
    expect(events.map((e) => e.detail)).toEqual(expect.arrayContaining([{ field: 'data_key', count: 1 }]));
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
    // Running again finds nothing left under the old key.
    expect(await rotateAll(db, keyring)).toMatchObject({ rewrapped: 0, fields: { [COMMENT_FIELD]: 0, [JUDGEMENT_FIELD]: 0 } });
  });
});
