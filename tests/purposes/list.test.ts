import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';
import { PURPOSE_CODES } from '../../src/shared/vocabulary.js';

const { db } = await testDb();

const SCHOOL = { code: 'education' as const, labelAr: 'دعم مدرسي', labelFr: 'Soutien scolaire', labelEn: 'School support' };

describe('the list of purposes', () => {
  it('starts, in every new municipality, with one purpose per core code, labelled in the three languages', async () => {
    const town = await makeTown(db);
    const list = await (await callerFor(db, town.admin)).caller.purposes.list({ includeRetired: true });
    expect(list.map((p) => p.code).sort()).toEqual([...PURPOSE_CODES].sort());
    for (const p of list) {
      expect(p.labelAr).toMatch(/[\u0600-\u06FF]/);
      expect(p.labelFr.length).toBeGreaterThan(2);
      expect(p.labelEn.length).toBeGreaterThan(2);
      expect(p.retiredAt).toBeNull();
    }
  });

  it('is kept by the admin: add, relabel, retire, restore, each audited; coordinators see only what is active', async () => {
    const town = await makeTown(db);
    const admin = (await callerFor(db, town.admin)).caller;
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const made = await admin.purposes.create(SCHOOL);
    expect(made).toMatchObject({ ...SCHOOL, retiredAt: null });
    await admin.purposes.update({ id: made.id, labelFr: 'Soutien scolaire renforcé' });
    await admin.purposes.update({ id: made.id, retired: true });
    expect((await coordinator.purposes.list({})).map((p) => p.id)).not.toContain(made.id);
    expect((await admin.purposes.list({ includeRetired: true })).find((p) => p.id === made.id)).toMatchObject({
      labelFr: 'Soutien scolaire renforcé',
      retiredAt: expect.any(Date),
    });
    await admin.purposes.update({ id: made.id, retired: false });
    expect((await coordinator.purposes.list({})).map((p) => p.id)).toContain(made.id);
    for (const action of ['purpose.create', 'purpose.update', 'purpose.retire', 'purpose.restore'])
      expect(await auditCount(db, town.admin.id, action), action).toBe(1);
    const retire = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.admin.id, action: 'purpose.retire' },
      select: { entityType: true, entityId: true },
    });
    expect(retire).toEqual({ entityType: 'DisclosurePurpose', entityId: made.id });
  });

  it('refuses a duplicate or too short label field by field, and changes nothing', async () => {
    const town = await makeTown(db);
    const admin = (await callerFor(db, town.admin)).caller;
    await admin.purposes.create(SCHOOL);
    const count = () => db.disclosurePurpose.count({ where: { municipalityId: town.town.id } });
    const before = await count();
    expect(await failure(admin.purposes.create(SCHOOL))).toMatchObject({ code: 'CONFLICT', fields: { labelEn: 'PURPOSE_LABEL_TAKEN' } });
    const short = { ...SCHOOL, labelEn: 'x' };
    expect(await failure(admin.purposes.create(short), short)).toMatchObject({ code: 'BAD_INPUT', fields: { labelEn: 'too_small' } });
    const badCode = { ...SCHOOL, labelEn: 'Another label', code: 'surveillance' };
    expect(await failure(admin.purposes.create(badCode as never), badCode)).toMatchObject({ code: 'BAD_INPUT' });
    expect(await count()).toBe(before);
  });

  it('is refused to other roles, and another municipality’s purpose is NOT_FOUND and unchanged', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const theirs = await (await callerFor(db, elsewhere.admin)).caller.purposes.create(SCHOOL);
    const admin = (await callerFor(db, town.admin)).caller;
    expect(await failure(admin.purposes.update({ id: theirs.id, retired: true }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.disclosurePurpose.findUniqueOrThrow({ where: { id: theirs.id }, select: { retiredAt: true } })).toEqual({
      retiredAt: null,
    });
    expect((await admin.purposes.list({ includeRetired: true })).map((p) => p.id)).not.toContain(theirs.id);
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    expect(await failure(coordinator.purposes.create({ ...SCHOOL, labelEn: 'Coordinator purpose' }))).toMatchObject({ code: 'FORBIDDEN' });
    const mine = (await admin.purposes.list({}))[0]!;
    expect(await failure(coordinator.purposes.update({ id: mine.id, retired: true }))).toMatchObject({ code: 'FORBIDDEN' });
    for (const user of [town.socialWorker, town.practitioner, town.auditor])
      expect(await failure((await callerFor(db, user)).caller.purposes.list({})), user.role).toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditCount(db, town.coordinator.id, 'purpose.update', 'denied')).toBe(1);
  });
});
