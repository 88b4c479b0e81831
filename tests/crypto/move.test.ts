import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import { dataKeysOf } from '../helpers/crypto.js';
import { recordKeysJob } from '../../src/jobs/record-keys.js';
import { verifyChain } from '../../src/audit/verify.js';

const { db } = await testDb();

describe('moving text from before record keys (the start-up job)', () => {
  it("moves each value under its record's key, bound to its row; pages show the same text; a second run finds nothing", async () => {
    const town = await makeTown(db);
    // The factories write as the app did before record keys: master keyring, bound to the field alone.
    const c = await makeCase(db, town, { summary: 'Synthetic summary from before.' });
    const other = await makeCase(db, town, { summary: 'Another case, another summary.' });
    const note = await db.caseNote.create({
      data: {
        caseId: c.id,
        municipalityId: town.town.id,
        authorId: town.socialWorker.id,
        body: testKeyring.encrypt('Synthetic note from before.', 'case.note'),
        createdAt: new Date('2026-01-16T09:00:00Z'),
      },
    });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id], status: 'held' });
    const general = await makeMinute(db, meeting, town.coordinator, { body: 'General minute, no record of its own.' });

    const job = recordKeysJob(db, testKeyring);
    const moved = await job.run();
    expect(moved['case.summary']).toBeGreaterThanOrEqual(2);
    expect(moved['case.note']).toBeGreaterThanOrEqual(1);
    expect(moved['referral.concern']).toBeGreaterThanOrEqual(2);

    const [row] = await db.$queryRaw<{ summary: string }[]>`SELECT summary FROM case_record WHERE id = ${c.id}::uuid`;
    expect(row!.summary).toMatch(/^k1\./);
    expect((await db.caseNote.findUniqueOrThrow({ where: { id: note.id } })).body).toMatch(/^k1\./);
    // A minute about no case stays under the master keyring, as it was.
    expect((await db.meetingMinute.findUniqueOrThrow({ where: { id: general.id } })).body).toMatch(/^v1\./);
    expect((await dataKeysOf(db, [c.id, c.referralId, other.id])).map((k) => k.owner_kind).sort()).toEqual(['case', 'case', 'referral']);

    const { caller } = await callerFor(db, town.socialWorker);
    const page = await caller.cases.get({ id: c.id });
    expect(page.summary?.text).toBe('Synthetic summary from before.');
    expect(page.notes!.items.map((n) => n.body)).toContain('Synthetic note from before.');
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    expect((await coordinator.referrals.get({ id: c.referralId })).concernText).toBe('Synthetic concern for a case factory.');

    // Row-bound now: the moved summary copied onto the other case does not open there.
    await db.$executeRaw`UPDATE case_record SET summary = ${row!.summary} WHERE id = ${other.id}::uuid`;
    await expect(caller.cases.get({ id: other.id })).rejects.toBeDefined();

    const again = await job.run();
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });
});
