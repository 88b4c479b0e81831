import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { auditCount, failure } from '../helpers/case-factories.js';

const { db } = await testDb();
const caller = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user)).caller;

const EID = [
  { date: '2026-03-20', name: 'Eid al-Fitr' },
  { date: '2026-03-21', name: 'Eid al-Fitr (2)' },
  { date: '2026-05-25', name: 'Independence Day' },
];

describe('work.holidays / work.setHolidays', () => {
  it('the admin keeps the list (sorted by date, names trimmed); audited with what was added and removed', async () => {
    const town = await makeTown(db);
    const admin = await caller(town.admin);
    expect(await admin.work.holidays()).toEqual([]);
    const saved = await admin.work.setHolidays({ holidays: [EID[2]!, EID[0]!, { ...EID[1]!, name: '  Eid al-Fitr (2) ' }] });
    expect(saved).toEqual(EID);
    expect(await admin.work.holidays()).toEqual(EID);
    // Replaced as a whole: one removed, one added.
    const next = [EID[0]!, EID[2]!, { date: '2027-03-10', name: 'Eid al-Fitr' }];
    expect(await admin.work.setHolidays({ holidays: next })).toEqual(next);
    const events = await db.auditEvent.findMany({
      where: { actorId: town.admin.id, action: 'settings.holidays.update', outcome: 'allowed' },
      orderBy: { seq: 'asc' },
      select: { entityType: true, entityId: true, detail: true },
    });
    expect(events).toEqual([
      { entityType: 'Municipality', entityId: town.town.id, detail: { added: EID.map((h) => h.date), removed: [], count: 3 } },
      { entityType: 'Municipality', entityId: town.town.id, detail: { added: ['2027-03-10'], removed: ['2026-03-21'], count: 3 } },
    ]);
    expect(await auditCount(db, town.admin.id, 'settings.holidays.read', 'allowed')).toBe(2);
    // An empty list clears it.
    expect(await admin.work.setHolidays({ holidays: [] })).toEqual([]);
    expect(await db.publicHoliday.count({ where: { municipalityId: town.town.id } })).toBe(0);
  });

  it('refuses bad dates and names field by field, with the key the page translates, and saves nothing', async () => {
    const town = await makeTown(db);
    const admin = await caller(town.admin);
    await admin.work.setHolidays({ holidays: EID });
    const ok = EID[0]!;
    const invalid: [unknown[], Record<string, string>][] = [
      [[ok, { date: '2026-02-30', name: 'No such day' }], { 'holidays.1.date': 'invalid_format' }],
      [[{ date: '2026-13-01', name: 'x' }], { 'holidays.0.date': 'invalid_format' }],
      [[{ date: '20/03/2026', name: 'x' }], { 'holidays.0.date': 'invalid_format' }],
      [[{ date: '1999-12-31', name: 'Too early' }], { 'holidays.0.date': 'date_out_of_range' }],
      [[{ date: '2101-01-01', name: 'Too late' }], { 'holidays.0.date': 'date_out_of_range' }],
      [[ok, { date: ok.date, name: 'Twice' }], { 'holidays.1.date': 'duplicate' }],
      [[{ date: '2026-04-01', name: '   ' }], { 'holidays.0.name': 'too_small' }],
      [[{ date: '2026-04-01', name: 'x'.repeat(101) }], { 'holidays.0.name': 'too_big' }],
      [[{ date: '2026-04-01' }], { 'holidays.0.name': 'required' }],
      [[{ name: 'No date' }], { 'holidays.0.date': 'required' }],
      [Array.from({ length: 201 }, (_, i) => ({ date: `2030-01-01`, name: `${i}` })), { holidays: 'too_big' }],
    ];
    for (const [holidays, fields] of invalid) {
      const input = { holidays };
      const refused = await failure(admin.work.setHolidays(input as never), input);
      expect(refused, JSON.stringify(holidays).slice(0, 120)).toEqual({ code: 'BAD_INPUT', fields, info: null });
    }
    expect(await admin.work.holidays()).toEqual(EID);
    expect(await auditCount(db, town.admin.id, 'settings.holidays.update', 'allowed')).toBe(1);
  });

  it('other roles are refused (audited); another municipality’s admin neither reads nor changes this list', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    await (await caller(town.admin)).work.setHolidays({ holidays: EID });
    for (const user of [town.coordinator, town.socialWorker, town.practitioner, town.auditor]) {
      const c = await caller(user);
      expect((await failure(c.work.holidays())).code).toBe('FORBIDDEN');
      expect((await failure(c.work.setHolidays({ holidays: [] }))).code).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'settings.holidays.read', 'denied')).toBe(1);
      expect(await auditCount(db, user.id, 'settings.holidays.update', 'denied')).toBe(1);
    }
    const other = await caller(elsewhere.admin);
    // The other town's admin sees its own (empty) list, and replacing it leaves this town's alone.
    expect(await other.work.holidays()).toEqual([]);
    await other.work.setHolidays({ holidays: [{ date: '2026-01-01', name: 'New Year' }] });
    expect(await (await caller(town.admin)).work.holidays()).toEqual(EID);
    expect(await db.publicHoliday.count({ where: { municipalityId: town.town.id } })).toBe(3);
  });
});
