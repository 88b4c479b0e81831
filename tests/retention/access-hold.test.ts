import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { runRetention } from '../../src/modules/retention/run.js';

const { db } = await testDb();

/** Three years and a month after the cases below were closed: all of them due. */
const RUN_AT = new Date('2029-03-01T06:00:00Z');
const DAY = 86_400_000;

const closeOld = (id: string) =>
  db.case.update({
    where: { id },
    data: { stage: 'closed', closedAt: new Date('2026-02-10T10:00:00Z'), closureReason: 'risk_reduced' },
  });
const anonymisedAt = async (id: string) =>
  (await db.case.findUniqueOrThrow({ where: { id }, select: { anonymisedAt: true } })).anonymisedAt;

describe('retention and a person who asked for their data', () => {
  it('keeps every record of a person whose subject-access request is being prepared, until it is released', async () => {
    const t = await makeTown(db);
    const asker = await makeCase(db, t, { summary: 'Synthetic summary of the person who asked.' });
    await closeOld(asker.id);
    // The same person's referral closed without a case: due too, and kept with them.
    const ownReferral = await makeReferral(db, testKeyring, {
      town: t,
      referrer: t.socialWorker,
      status: 'closed',
      decidedBy: t.coordinator,
      person: asker.person,
    });
    const other = await makeCase(db, t);
    await closeOld(other.id);
    // A case reopened and under review again: open, never due, whatever its old dates.
    const reviewed = await makeCase(db, t);
    await db.case.update({ where: { id: reviewed.id }, data: { stage: 'review', closedAt: null, followUpAt: null } });

    const { caller } = await callerFor(db, t.coordinator, { clock: manualClock(new Date(RUN_AT.getTime() - 5 * DAY)) });
    const { id } = await caller.subjectAccess.prepare({ personId: asker.person.id, language: 'fr', requestedBy: 'person' });

    const preview = await (await callerFor(db, t.coordinator, { clock: manualClock(RUN_AT) })).caller.retention.preview();
    const byId = new Map(preview.items.map((i) => [i.id, i]));
    expect(byId.get(asker.id)).toMatchObject({ held: false, accessRequest: true });
    expect(byId.get(ownReferral.id)).toMatchObject({ accessRequest: true });
    expect(byId.get(other.id)).toMatchObject({ held: false, accessRequest: false });
    expect(byId.has(reviewed.id)).toBe(false);

    const first = await runRetention(db, t.town.id, manualClock(RUN_AT));
    expect(first).toMatchObject({ cases: 1, people: 1 });
    expect(await anonymisedAt(other.id)).toEqual(RUN_AT);
    expect(await anonymisedAt(asker.id)).toBeNull();
    expect(await anonymisedAt(reviewed.id)).toBeNull();
    expect(
      (await db.referral.findUniqueOrThrow({ where: { id: ownReferral.id }, select: { anonymisedAt: true } })).anonymisedAt,
    ).toBeNull();
    // The request still assembles what was asked for.
    const view = await caller.subjectAccess.get({ personId: asker.person.id, id });
    expect(view.document.cases[0]!.summary).toBe('Synthetic summary of the person who asked.');

    // Released: the next run takes the records as usual.
    await caller.subjectAccess.review({
      personId: asker.person.id,
      id,
      version: 1,
      decisions: view.pending.map((key) => ({ key, include: true })),
    });
    await caller.subjectAccess.release({ personId: asker.person.id, id, version: 2, method: 'handed_over' });
    const later = new Date(RUN_AT.getTime() + DAY);
    expect(await runRetention(db, t.town.id, manualClock(later))).toMatchObject({ cases: 1, referrals: 2, people: 1 });
    expect(await anonymisedAt(asker.id)).toEqual(later);
    expect(await anonymisedAt(reviewed.id)).toBeNull();
  });

  it('a request left unreleased for more than 90 days holds no longer', async () => {
    const t = await makeTown(db);
    const c = await makeCase(db, t);
    await closeOld(c.id);
    const { caller } = await callerFor(db, t.coordinator, { clock: manualClock(new Date(RUN_AT.getTime() - 91 * DAY)) });
    await caller.subjectAccess.prepare({ personId: c.person.id, language: 'ar', requestedBy: 'person' });
    expect(await runRetention(db, t.town.id, manualClock(RUN_AT))).toMatchObject({ cases: 1 });
    expect(await anonymisedAt(c.id)).toEqual(RUN_AT);
  });
});
