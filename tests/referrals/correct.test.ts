import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';

const { db } = await testDb();
const CONCERN = 'Synthetic concern: repeats slogans heard online and withdrew from friends.';

async function world() {
  const town = await makeTown(db);
  const referral = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, concernText: CONCERN });
  const as = async (u: { id: string; municipalityId: string }) => (await callerFor(db, u)).caller;
  return { town, referral, as };
}
const row = (id: string) =>
  db.referral.findUniqueOrThrow({
    where: { id },
    select: { urgency: true, cohort: true, concernCategories: true, concernText: true, version: true },
  });

describe('referrals.correct', () => {
  it("corrects the referrer's facts; the concern stays as written and its correction is a new entry of the history", async () => {
    const { town, referral, as } = await world();
    const before = await row(referral.id);
    const sw = await as(town.socialWorker);
    const correction = 'The school named is the middle school, not the high school.';
    await expect(
      sw.referrals.correct({ id: referral.id, version: 1, urgency: 'priority', concernCorrection: correction }),
    ).resolves.toEqual({
      id: referral.id,
      version: 2,
      unchanged: false,
    });
    const after = await row(referral.id);
    expect(after).toMatchObject({ urgency: 'priority', version: 2, concernText: before.concernText });
    expect((await sw.referrals.get({ id: referral.id })).concernText).toBe(CONCERN);

    const coord = await as(town.coordinator);
    await coord.referrals.correct({ id: referral.id, version: 2, cohort: 'migrant' });
    const history = await sw.referrals.history({ id: referral.id });
    expect(history.map((h) => [h.field, h.from, h.to, h.version])).toEqual([
      ['cohort', 'youth', 'migrant', 3],
      ['concernCorrection', null, correction, 2],
      ['urgency', 'routine', 'priority', 2],
    ]);
    expect(history[0]!.by.id).toBe(town.coordinator.id);
    const leaks = await db.fieldChange.count({
      where: { OR: [{ newValue: { contains: 'middle school' } }, { newValue: { contains: 'priority' } }] },
    });
    expect(leaks).toBe(0);
  });

  it('refuses other roles and other municipalities (audited), a stale version, and bad input, changing nothing', async () => {
    const { town, referral, as } = await world();
    const other = await makeTown(db);
    const attempts: [{ id: string; municipalityId: string }, string][] = [
      [town.practitioner, 'FORBIDDEN'],
      [town.auditor, 'FORBIDDEN'],
      [town.admin, 'FORBIDDEN'],
      [other.coordinator, 'NOT_FOUND'],
      [other.socialWorker, 'NOT_FOUND'],
    ];
    for (const [user, code] of attempts) {
      await expect((await as(user)).referrals.correct({ id: referral.id, version: 1, urgency: 'priority' })).rejects.toMatchObject({
        code,
      });
      expect(await auditCount(db, user.id, 'referral.correct', 'denied')).toBe(1);
    }
    // Another social worker's referral is out of reach.
    const theirs = await makeReferral(db, testKeyring, { town, referrer: town.coordinator });
    await expect((await as(town.socialWorker)).referrals.correct({ id: theirs.id, version: 1, urgency: 'priority' })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );

    const coord = await as(town.coordinator);
    await coord.referrals.correct({ id: referral.id, version: 1, urgency: 'immediate_danger' });
    const stale = await failure((await as(town.socialWorker)).referrals.correct({ id: referral.id, version: 1, urgency: 'priority' }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(JSON.parse(String(stale.info!.theirs))).toEqual({ urgency: 'immediate_danger' });

    const bad = await failure(coord.referrals.correct({ id: referral.id, version: 2, concernCategories: [], concernCorrection: 'short' }));
    expect(bad.fields).toEqual({ concernCategories: 'too_small', concernCorrection: 'too_small' });
    // The concern text is no fact to correct: sent anyway, it is left out and nothing changes.
    await expect(coord.referrals.correct({ id: referral.id, version: 2, concernText: 'Rewritten.' } as never)).resolves.toMatchObject({
      unchanged: true,
    });
    expect((await coord.referrals.get({ id: referral.id })).concernText).toBe(CONCERN);
    expect(await row(referral.id)).toMatchObject({ urgency: 'immediate_danger', version: 2 });
    expect(await db.fieldChange.count({ where: { entityId: referral.id } })).toBe(1);
  });

  it('shows the history only to those who may read the referral', async () => {
    const { town, referral, as } = await world();
    await (await as(town.coordinator)).referrals.correct({ id: referral.id, version: 1, urgency: 'priority' });
    await expect((await as(town.practitioner)).referrals.history({ id: referral.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await as(town.auditor)).referrals.history({ id: referral.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await as((await makeTown(db)).coordinator)).referrals.history({ id: referral.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditCount(db, town.practitioner.id, 'referral.history', 'denied')).toBe(1);
  });
});
