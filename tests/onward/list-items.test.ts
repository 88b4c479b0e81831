import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure } from '../helpers/case-factories.js';
import { makeInterventionType as ownType } from '../helpers/list-factories.js';
import { SUMMARY, onwardScene } from './helpers.js';

const { db } = await testDb();

const CRAFTED = '00000000-0000-4000-8000-000000000000';

/** A town's key worker refers a case on, proposing an intervention of the town's own type (street football). */
async function sentWithOwnType() {
  const town = await makeTown(db);
  const { c } = await onwardScene(db, town);
  const football = await ownType(db, town.town.id, 'sport_youth', 'Synthetic street football');
  const keyWorker = (await callerFor(db, town.socialWorker)).caller;
  const sent = await keyWorker.onward.send({
    caseId: c.id,
    agencyId: town.agency.id,
    summary: SUMMARY,
    // The core code is the item's, whatever code the form sent.
    intervention: { type: 'mentoring', typeItemId: football.id, title: 'Synthetic Saturday league' },
  });
  return { town, football, sent };
}

describe('an onward referral’s proposed intervention names the city’s own intervention type', () => {
  it('keeps the item chosen and its core code, and the intervention made on acceptance names it', async () => {
    const { town, football, sent } = await sentWithOwnType();
    expect(await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      interventionType: 'sport_youth',
      interventionTypeItemId: football.id,
    });
    expect(sent).toMatchObject({ interventionType: 'sport_youth', interventionTypeItemId: football.id });
    const practitioner = (await callerFor(db, town.practitioner)).caller;
    const [offered] = (await practitioner.onward.inbox()).items;
    expect(offered!.offers).toMatchObject({ intervention: 'sport_youth', interventionItemId: football.id });
    await practitioner.onward.accept({ id: sent.id });
    const made = await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id }, select: { interventionId: true } });
    expect(await db.intervention.findUniqueOrThrow({ where: { id: made.interventionId! } })).toMatchObject({
      type: 'sport_youth',
      typeItemId: football.id,
    });
  });

  it('an item retired after sending does not stop the acceptance: the code’s live item is taken', async () => {
    const { town, football, sent } = await sentWithOwnType();
    await db.listItem.update({ where: { id: football.id }, data: { retiredAt: new Date() } });
    const practitioner = (await callerFor(db, town.practitioner)).caller;
    await practitioner.onward.accept({ id: sent.id });
    const made = await db.onwardReferral.findUniqueOrThrow({ where: { id: sent.id }, select: { interventionId: true } });
    const intervention = await db.intervention.findUniqueOrThrow({ where: { id: made.interventionId! } });
    const live = await db.listItem.findFirstOrThrow({
      where: { municipalityId: town.town.id, list: 'intervention_type', code: 'sport_youth', retiredAt: null },
      orderBy: [{ sortOrder: 'asc' }, { labelEn: 'asc' }],
    });
    expect(intervention).toMatchObject({ type: 'sport_youth', typeItemId: live.id });
  });

  it('refuses another city’s item, a retired one, another list’s or a crafted id, on its field, and sends nothing', async () => {
    const town = await makeTown(db);
    const { c } = await onwardScene(db, town);
    const other = await makeTown(db);
    const theirs = await ownType(db, other.town.id, 'mentoring', 'Synthetic mentoring elsewhere');
    const retired = await ownType(db, town.town.id, 'mentoring', 'Synthetic old mentoring', new Date('2026-01-01T00:00:00Z'));
    const cohort = await db.listItem.findFirstOrThrow({ where: { municipalityId: town.town.id, list: 'cohort' }, select: { id: true } });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const attempt = (typeItemId: string) =>
      coordinator.onward.send({
        caseId: c.id,
        agencyId: town.agency.id,
        summary: SUMMARY,
        intervention: { type: 'mentoring', typeItemId, title: 'Synthetic title' },
      });
    for (const [id, code, key] of [
      [theirs.id, 'NOT_FOUND', 'NOT_FOUND'],
      [CRAFTED, 'NOT_FOUND', 'NOT_FOUND'],
      [cohort.id, 'NOT_FOUND', 'NOT_FOUND'],
      [retired.id, 'BAD_INPUT', 'item_retired'],
    ] as const)
      expect(await failure(attempt(id))).toMatchObject({ code, fields: { 'intervention.typeItemId': key } });
    expect(await db.onwardReferral.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.alertOutbox.count({ where: { municipalityId: town.town.id, kind: 'onward_to_answer' } })).toBe(0);
  });
});
