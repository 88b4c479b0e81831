import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';

const { db } = await testDb();
const caller = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user)).caller;

/** A Jordanian town's calendar as the migration's trigger sets it, and the rules' default thresholds. */
const DEFAULTS = {
  timeZone: 'Asia/Amman',
  weekendDays: [5, 6],
  workdayStart: 480,
  workdayEnd: 1020,
  bulkReadLimit: 200,
  bulkReadMinutes: 10,
  denialLimit: 10,
};

describe('work.flagSettings / work.setFlagSettings', () => {
  it('the admin reads and changes the working hours and the thresholds; audited with before and after', async () => {
    const town = await makeTown(db);
    const admin = await caller(town.admin);
    expect(await admin.work.flagSettings()).toEqual(DEFAULTS);
    const changed = {
      timeZone: 'Africa/Tunis',
      weekendDays: [0, 6],
      workdayStart: 450,
      workdayEnd: 990,
      bulkReadLimit: 500,
      bulkReadMinutes: 30,
      denialLimit: 25,
    };
    expect(await admin.work.setFlagSettings(changed)).toEqual(changed);
    expect(await admin.work.flagSettings()).toEqual(changed);
    // One field alone changes that field alone.
    expect(await admin.work.setFlagSettings({ denialLimit: 3 })).toEqual({ ...changed, denialLimit: 3 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.admin.id, action: 'settings.update', outcome: 'allowed' },
      orderBy: { seq: 'asc' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(event).toEqual({ entityType: 'Municipality', entityId: town.town.id, detail: { before: DEFAULTS, after: changed } });
  });

  it('refuses bad values field by field, with the key the page translates, and changes nothing', async () => {
    const town = await makeTown(db);
    const admin = await caller(town.admin);
    const invalid: [Record<string, unknown>, Record<string, string>][] = [
      [{}, { timeZone: 'required' }],
      [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: 'invalid' }],
      [{ timeZone: '' }, { timeZone: 'invalid' }],
      [{ weekendDays: [] }, { weekendDays: 'too_small' }],
      [{ weekendDays: [4, 5, 6, 0] }, { weekendDays: 'too_big' }],
      [{ weekendDays: [5, 5] }, { weekendDays: 'invalid' }],
      [{ weekendDays: [7] }, { 'weekendDays.0': 'too_big' }],
      [{ workdayStart: -1 }, { workdayStart: 'too_small' }],
      [{ workdayEnd: 1441 }, { workdayEnd: 'too_big' }],
      [{ workdayStart: 480.5 }, { workdayStart: 'invalid_type' }],
      // The day must start before it ends: against the stored end, or the end sent with it.
      [{ workdayStart: 1020 }, { workdayEnd: 'too_small' }],
      [{ workdayStart: 600, workdayEnd: 540 }, { workdayEnd: 'too_small' }],
      [{ bulkReadLimit: 9 }, { bulkReadLimit: 'too_small' }],
      [{ bulkReadLimit: 10_001 }, { bulkReadLimit: 'too_big' }],
      [{ bulkReadMinutes: 0 }, { bulkReadMinutes: 'too_small' }],
      [{ bulkReadMinutes: 241 }, { bulkReadMinutes: 'too_big' }],
      [{ denialLimit: 2 }, { denialLimit: 'too_small' }],
      [{ denialLimit: 1_001 }, { denialLimit: 'too_big' }],
      [{ bulkReadLimit: '300' }, { bulkReadLimit: 'invalid_type' }],
    ];
    for (const [input, fields] of invalid) {
      const refused = await failure(admin.work.setFlagSettings(input as never), input);
      expect(refused, JSON.stringify(input)).toEqual({ code: 'BAD_INPUT', fields, info: null });
    }
    // A good field beside a bad one is not saved either.
    expect((await failure(admin.work.setFlagSettings({ denialLimit: 50, bulkReadLimit: 1 }))).code).toBe('BAD_INPUT');
    expect(await admin.work.flagSettings()).toEqual(DEFAULTS);
    expect(await auditCount(db, town.admin.id, 'settings.update', 'allowed')).toBe(0);
  });

  it('other roles are refused (audited); another municipality’s admin neither reads nor changes these', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    for (const user of [town.coordinator, town.socialWorker, town.practitioner, town.auditor]) {
      const c = await caller(user);
      expect((await failure(c.work.flagSettings())).code).toBe('FORBIDDEN');
      expect((await failure(c.work.setFlagSettings({ bulkReadLimit: 10 }))).code).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'settings.read', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'settings.update', 'denied')).toBe(1);
    }
    const other = await caller(elsewhere.admin);
    await other.work.setFlagSettings({ bulkReadLimit: 999, timeZone: 'Africa/Cairo' });
    expect((await other.work.flagSettings()).bulkReadLimit).toBe(999);
    expect(await (await caller(town.admin)).work.flagSettings()).toEqual(DEFAULTS);
  });
});
