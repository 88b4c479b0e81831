import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import type { ListKind } from '../../src/shared/vocabulary.js';

type CreateReferral = NonNullable<Parameters<typeof referralInput>[0]>;

const { db } = await testDb();

type Town = Awaited<ReturnType<typeof makeTown>>;

/** A new item of `list` in the town, made by its admin. */
async function addItem(town: Town, list: ListKind, code: string, labelEn: string) {
  const admin = (await callerFor(db, town.admin)).caller;
  return admin.lists.create({ list, code, labelAr: `بند ${labelEn}`, labelFr: `Élément ${labelEn}`, labelEn });
}
const retire = async (town: Town, id: string) => (await callerFor(db, town.admin)).caller.lists.update({ id, retired: true });
const defaultItem = (town: Town, list: ListKind, code: string) =>
  db.listItem.findFirstOrThrow({
    where: { municipalityId: town.town.id, list, code },
    orderBy: { sortOrder: 'asc' },
    select: { id: true },
  });
const counts = async (town: Town) => ({
  referrals: await db.referral.count({ where: { municipalityId: town.town.id } }),
  people: await db.person.count({ where: { municipalityId: town.town.id } }),
});

describe('a referral chooses from the municipality’s lists', () => {
  it('keeps the items chosen and takes the core codes from them (not from what the caller sent); a screening carries the cohort to the case', async () => {
    const town = await makeTown(db);
    const teen = await addItem(town, 'cohort', 'youth', 'Teenager at school');
    const online = await addItem(town, 'concern_category', 'online_radicalisation', 'Gaming chat groups');
    const family = await defaultItem(town, 'concern_category', 'family_concern');
    const { caller } = await callerFor(db, town.socialWorker);
    // The codes sent disagree with the items: the items decide.
    const sent = await caller.referrals.create(
      referralInput({ cohort: 'returnee', cohortItemId: teen.id, concernCategories: ['other'], concernItemIds: [online.id, family.id] }),
    );
    const row = await db.referral.findUniqueOrThrow({
      where: { id: sent.id },
      select: { cohort: true, cohortItemId: true, concernCategories: true, concernItemIds: true },
    });
    expect(row).toEqual({
      cohort: 'youth',
      cohortItemId: teen.id,
      concernCategories: ['online_radicalisation', 'family_concern'],
      concernItemIds: [online.id, family.id],
    });
    const seen = await caller.referrals.get({ id: sent.id });
    expect(seen).toMatchObject({ cohortItemId: teen.id, concernItemIds: [online.id, family.id] });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    await coordinator.referrals.screen({ id: sent.id, decision: 'accept' });
    expect(await db.case.findFirstOrThrow({ where: { referralId: sent.id }, select: { cohort: true, cohortItemId: true } })).toEqual({
      cohort: 'youth',
      cohortItemId: teen.id,
    });
  });

  it('a correction of the codes keeps the items that still fit and takes the first live item of each new code', async () => {
    const town = await makeTown(db);
    const teen = await addItem(town, 'cohort', 'youth', 'Teenager at school');
    const online = await addItem(town, 'concern_category', 'online_radicalisation', 'Gaming chat groups');
    const family = await defaultItem(town, 'concern_category', 'family_concern');
    const { caller } = await callerFor(db, town.coordinator);
    const sent = await caller.referrals.create(referralInput({ cohortItemId: teen.id, concernItemIds: [online.id, family.id] }));
    await caller.referrals.correct({ id: sent.id, version: 1, cohort: 'returnee', concernCategories: ['online_radicalisation', 'trauma'] });
    expect(
      await db.referral.findUniqueOrThrow({
        where: { id: sent.id },
        select: { cohort: true, cohortItemId: true, concernCategories: true, concernItemIds: true },
      }),
    ).toEqual({
      cohort: 'returnee',
      cohortItemId: (await defaultItem(town, 'cohort', 'returnee')).id,
      concernCategories: ['online_radicalisation', 'trauma'],
      concernItemIds: [online.id, (await defaultItem(town, 'concern_category', 'trauma')).id],
    });
  });

  it('with core codes only (older callers), names the municipality’s first live item of each code', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.socialWorker);
    const sent = await caller.referrals.create(referralInput({ cohort: 'migrant', concernCategories: ['isolation'] }));
    const row = await db.referral.findUniqueOrThrow({ where: { id: sent.id }, select: { cohortItemId: true, concernItemIds: true } });
    expect(row).toEqual({
      cohortItemId: (await defaultItem(town, 'cohort', 'migrant')).id,
      concernItemIds: [(await defaultItem(town, 'concern_category', 'isolation')).id],
    });
  });

  it('refuses another municipality’s item, a crafted id, an item of another list and a retired item, on the field, saving nothing', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const theirs = await addItem(elsewhere, 'cohort', 'youth', 'Their teenagers');
    const mentoring = await defaultItem(town, 'intervention_type', 'mentoring');
    const old = await addItem(town, 'concern_category', 'other', 'Old category');
    await retire(town, old.id);
    const { caller } = await callerFor(db, town.socialWorker);
    const before = await counts(town);
    const refused: [Partial<CreateReferral>, Record<string, string>][] = [
      [{ cohortItemId: theirs.id }, { cohortItemId: 'NOT_FOUND' }],
      [{ cohortItemId: randomUUID() }, { cohortItemId: 'NOT_FOUND' }],
      [{ cohortItemId: mentoring.id }, { cohortItemId: 'NOT_FOUND' }],
      [{ concernItemIds: [theirs.id] }, { concernItemIds: 'NOT_FOUND' }],
      [{ concernItemIds: [old.id] }, { concernItemIds: 'item_retired' }],
    ];
    for (const [over, fields] of refused) {
      const input = referralInput(over);
      const code = Object.values(fields)[0] === 'NOT_FOUND' ? 'NOT_FOUND' : 'BAD_INPUT';
      expect(await failure(caller.referrals.create(input), input), JSON.stringify(over)).toMatchObject({ code, fields });
    }
    // About a person already registered the referral takes the other path (no transaction): refused the same.
    const person = await makePerson(db, town.town.id, { cohort: 'youth' });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const known = referralInput({ newPerson: undefined, personId: person.id, cohortItemId: theirs.id });
    expect(await failure(coordinator.referrals.create(known), known)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { cohortItemId: 'NOT_FOUND' },
    });
    const knownRetired = referralInput({ newPerson: undefined, personId: person.id, concernItemIds: [old.id] });
    expect(await failure(coordinator.referrals.create(knownRetired), knownRetired)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { concernItemIds: 'item_retired' },
    });
    before.people += 1;
    // Every core code of a list retired: a code-only caller cannot choose it either.
    for (const item of await db.listItem.findMany({ where: { municipalityId: town.town.id, list: 'cohort', code: 'returnee' } }))
      await retire(town, item.id);
    const codeOnly = referralInput({ cohort: 'returnee' });
    expect(await failure(caller.referrals.create(codeOnly), codeOnly)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { cohortItemId: 'item_retired' },
    });
    expect(await counts(town)).toEqual(before);
    expect(await db.listItem.findUniqueOrThrow({ where: { id: theirs.id }, select: { retiredAt: true } })).toEqual({ retiredAt: null });
  });
});

describe('the plan and the closure choose from the municipality’s lists', () => {
  it('an intervention keeps its type item and takes the type from it; another town’s or a retired type is refused, nothing added', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const chess = await addItem(town, 'intervention_type', 'sport_youth', 'Chess club');
    const input = { caseId: c.id, type: 'mentoring' as const, title: 'Chess on Saturdays', agencyId: town.agency.id, typeItemId: chess.id };
    const made = await caller.cases.addIntervention(input);
    expect(await db.intervention.findUniqueOrThrow({ where: { id: made.id }, select: { type: true, typeItemId: true } })).toEqual({
      type: 'sport_youth',
      typeItemId: chess.id,
    });
    const theirs = await addItem(elsewhere, 'intervention_type', 'housing', 'Their housing');
    const crafted = { ...input, typeItemId: theirs.id };
    expect(await failure(caller.cases.addIntervention(crafted), crafted)).toMatchObject({
      code: 'NOT_FOUND',
      fields: { typeItemId: 'NOT_FOUND' },
    });
    await retire(town, chess.id);
    expect(await failure(caller.cases.addIntervention(input), input)).toMatchObject({
      code: 'BAD_INPUT',
      fields: { typeItemId: 'item_retired' },
    });
    expect(await db.intervention.count({ where: { caseId: c.id } })).toBe(1);
    // The retired item still names the old intervention, and reads as it did.
    const all = await caller.lists.items({ list: 'intervention_type', includeRetired: true });
    expect(all.find((i) => i.id === chess.id)).toMatchObject({ labelEn: 'Chess club', retiredAt: expect.any(Date) });
  });

  it('a closure keeps its reason item and takes the reason from it; a retired or foreign reason leaves the case open', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const c = await makeCase(db, town, { stage: 'review' });
    const theirs = await addItem(elsewhere, 'closure_reason', 'moved_away', 'Their move');
    const gone = await addItem(town, 'closure_reason', 'risk_removed', 'Partners agree: no risk');
    await retire(town, gone.id);
    const close = { id: c.id, closureReason: 'other' as const, reason: 'Agreed at the panel', confirm: true };
    for (const [closureItemId, fields] of [
      [theirs.id, { closureItemId: 'NOT_FOUND' }],
      [gone.id, { closureItemId: 'item_retired' }],
    ] as const) {
      const input = { ...close, closureItemId };
      expect(await failure(caller.cases.close(input), input)).toMatchObject({ fields });
    }
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { stage: true } })).toEqual({ stage: 'review' });
    // An item of core code 'other' wants words, whatever code the caller sent.
    const other = await defaultItem(town, 'closure_reason', 'other');
    const bare = { id: c.id, closureReason: 'risk_reduced' as const, closureItemId: other.id, confirm: true };
    expect(await failure(caller.cases.close(bare), bare)).toMatchObject({ code: 'BAD_INPUT', fields: { reason: 'required' } });
    const reduced = await addItem(town, 'closure_reason', 'risk_reduced', 'Risk lower after mentoring');
    await caller.cases.close({ ...close, closureItemId: reduced.id });
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id }, select: { closureReason: true, closureItemId: true } })).toEqual({
      closureReason: 'risk_reduced',
      closureItemId: reduced.id,
    });
    expect(await caller.cases.get({ id: c.id })).toMatchObject({ closureReason: 'risk_reduced', closureItemId: reduced.id });
  });
});
