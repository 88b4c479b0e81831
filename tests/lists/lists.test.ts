import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { LIST_CODES } from '../../src/shared/lists.js';
import { LIST_KINDS } from '../../src/shared/vocabulary.js';

const { db } = await testDb();

const TEEN = {
  list: 'cohort' as const,
  code: 'youth',
  labelAr: 'مراهق في المدرسة',
  labelFr: 'Adolescent scolarisé',
  labelEn: 'Teenager at school',
};

describe("a municipality's lists", () => {
  it('start, in every new municipality, with one live item per core code of each list, in the shared order, in three languages', async () => {
    const town = await makeTown(db);
    const items = await (await callerFor(db, town.admin)).caller.lists.items({ includeRetired: true });
    for (const list of LIST_KINDS) {
      const own = items.filter((i) => i.list === list);
      expect(
        own.map((i) => i.code),
        list,
      ).toEqual([...LIST_CODES[list]]);
      for (const i of own) {
        expect(i.labelAr).toMatch(/[\u0600-\u06FF]/);
        expect(i.labelFr.length).toBeGreaterThan(2);
        expect(i.retiredAt).toBeNull();
      }
    }
    // 'transferred' is reserved for transfers between cities: on no list.
    expect(items.map((i) => i.code)).not.toContain('transferred');
  });

  it('are kept by the admin: add (at the end), relabel, move, retire, restore, each audited; the casework roles see what is live', async () => {
    const town = await makeTown(db);
    const admin = (await callerFor(db, town.admin)).caller;
    const made = await admin.lists.create(TEEN);
    expect(made).toMatchObject({ ...TEEN, retiredAt: null });
    const cohorts = async () => (await admin.lists.items({ list: 'cohort', includeRetired: true })).map((i) => i.id);
    expect((await cohorts()).at(-1)).toBe(made.id);
    await admin.lists.update({ id: made.id, position: 0 });
    await admin.lists.update({ id: made.id, labelFr: 'Adolescent' });
    expect((await cohorts())[0]).toBe(made.id);
    await admin.lists.update({ id: made.id, retired: true });
    for (const user of [town.coordinator, town.socialWorker, town.practitioner]) {
      const seen = await (await callerFor(db, user)).caller.lists.items({ list: 'cohort' });
      expect(
        seen.map((i) => i.id),
        user.role,
      ).not.toContain(made.id);
      expect(seen).toHaveLength(LIST_CODES.cohort.length);
    }
    // Old records still name a retired item: its label stays readable when asked.
    const all = await (await callerFor(db, town.socialWorker)).caller.lists.items({ list: 'cohort', includeRetired: true });
    expect(all.find((i) => i.id === made.id)).toMatchObject({ labelFr: 'Adolescent', retiredAt: expect.any(Date) });
    await admin.lists.update({ id: made.id, retired: false });
    for (const [action, times] of [
      ['list.create', 1],
      ['list.update', 2],
      ['list.retire', 1],
      ['list.restore', 1],
    ] as const)
      expect(await auditCount(db, town.admin.id, action), action).toBe(times);
    const updates = await db.auditEvent.findMany({ where: { actorId: town.admin.id, action: 'list.update' }, orderBy: { seq: 'asc' } });
    expect(updates.map((e) => (e.detail as { changed: string[] }).changed)).toEqual([['position'], ['labelFr']]);
    const retire = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.admin.id, action: 'list.retire' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(retire).toMatchObject({ entityType: 'ListItem', entityId: made.id, detail: { list: 'cohort', code: 'youth' } });
  });

  it('refuse a bad label, a duplicate label, a code of another list or a reserved code, field by field, and change nothing', async () => {
    const town = await makeTown(db);
    const admin = (await callerFor(db, town.admin)).caller;
    await admin.lists.create(TEEN);
    const count = () => db.listItem.count({ where: { municipalityId: town.town.id } });
    const before = await count();
    expect(await failure(admin.lists.create(TEEN))).toMatchObject({ code: 'CONFLICT', fields: { labelEn: 'LIST_LABEL_TAKEN' } });
    const short = { ...TEEN, labelEn: 'x' };
    expect(await failure(admin.lists.create(short), short)).toMatchObject({ code: 'BAD_INPUT', fields: { labelEn: 'too_small' } });
    const control = { ...TEEN, labelAr: 'مراهق\u0000' };
    expect(await failure(admin.lists.create(control), control)).toMatchObject({ code: 'BAD_INPUT', fields: { labelAr: 'invalid' } });
    for (const code of ['mentoring', 'transferred', 'surveillance']) {
      const bad = { ...TEEN, list: code === 'transferred' ? ('closure_reason' as const) : TEEN.list, code, labelEn: `Bad ${code}` };
      expect(await failure(admin.lists.create(bad), bad), code).toMatchObject({ code: 'BAD_INPUT', fields: { code: 'invalid_value' } });
    }
    expect(await count()).toBe(before);
    // The database holds the same rule, whoever writes.
    await expect(
      db.listItem.create({
        data: {
          municipalityId: town.town.id,
          list: 'closure_reason',
          code: 'transferred',
          labelAr: 'نقل',
          labelFr: 'Transfert',
          labelEn: 'Transfer',
        },
      }),
    ).rejects.toThrow(/list_item_code/);
  });

  it('are kept by the admin alone; another municipality’s item is NOT_FOUND and unchanged', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const theirs = await (await callerFor(db, elsewhere.admin)).caller.lists.create(TEEN);
    const admin = (await callerFor(db, town.admin)).caller;
    expect(await failure(admin.lists.update({ id: theirs.id, retired: true }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(admin.lists.update({ id: theirs.id, position: 0 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.listItem.findUniqueOrThrow({ where: { id: theirs.id }, select: { retiredAt: true, sortOrder: true } })).toEqual({
      retiredAt: null,
      sortOrder: theirs.sortOrder,
    });
    expect((await admin.lists.items({ includeRetired: true })).map((i) => i.id)).not.toContain(theirs.id);
    const mine = (await admin.lists.items({ list: 'cohort' }))[0]!;
    for (const user of [town.coordinator, town.socialWorker, town.practitioner, town.auditor]) {
      const caller = (await callerFor(db, user)).caller;
      expect(await failure(caller.lists.create({ ...TEEN, labelEn: `By ${user.role}` })), user.role).toMatchObject({ code: 'FORBIDDEN' });
      expect(await failure(caller.lists.update({ id: mine.id, retired: true })), user.role).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await failure((await callerFor(db, town.auditor)).caller.lists.items({}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(db, town.coordinator.id, 'list.update', 'denied')).toBe(1);
    expect(await db.listItem.findUniqueOrThrow({ where: { id: mine.id }, select: { retiredAt: true } })).toEqual({ retiredAt: null });
  });
});
