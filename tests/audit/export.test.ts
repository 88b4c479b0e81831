import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { appCode, makeTestApp, mutate, signIn } from '../helpers/http.js';
import { auditedTransaction } from '../../src/audit/writer.js';
import { manualClock } from '../../src/lib/clock.js';
import { csvOf } from '../../src/modules/audit/export.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { makeHub } from '../helpers/hub-factories.js';

const { db } = await testDb();
const { app } = await makeTestApp(db);
afterAll(() => app.close());

/** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The export as records keyed by the header, without the byte-order mark. */
function records(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('audit.export', () => {
  it('is for auditors only; every other role is refused FORBIDDEN, and the refusal is audited', async () => {
    const town = await makeTown(db);
    const byRole: Record<Role, { id: string; municipalityId: string }> = {
      admin: town.admin,
      coordinator: town.coordinator,
      social_worker: town.socialWorker,
      agency_practitioner: town.practitioner,
      auditor: town.auditor,
      hub_analyst: (await makeHub(db, [{ id: town.town.id }])).analyst,
    };
    for (const [role, user] of Object.entries(byRole)) {
      const { caller } = await callerFor(db, user);
      if (role === 'auditor') {
        await expect(caller.audit.export({})).resolves.toMatchObject({ rows: expect.any(Number), truncated: false });
        continue;
      }
      await expect(caller.audit.export({}), role).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'audit.export', outcome: 'denied' } }), role).toBe(1);
    }
  });

  it('downloads over HTTP for a signed-in auditor, and not without a session', async () => {
    const town = await makeTown(db);
    await (await callerFor(db, town.admin)).caller.agencies.create({ name: 'Exported Agency', kind: 'school' });
    const cookie = await signIn(app, town.auditor.email, TEST_PASSWORD);
    const res = await mutate(app, 'audit.export', {}, { cookie });
    expect(res.statusCode).toBe(200);
    const { filename, csv, rows } = JSON.parse(res.body).result.data.json;
    expect(filename).toMatch(/^audit-log-\d{4}-\d\d-\d\d\.csv$/);
    const exported = records(csv);
    expect(exported).toHaveLength(rows);
    expect(exported.map((r) => r.action)).toEqual(expect.arrayContaining(['agency.create', 'auth.login']));
    expect(appCode(await mutate(app, 'audit.export', {}))).toBe('UNAUTHENTICATED');
  });

  it('neutralises spreadsheet formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe', async () => {
    const town = await makeTown(db);
    const hostile = ['=HYPERLINK("http://example.invalid","x")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1'];
    // Names and entity ids as an attacker could have set them, written straight to the database.
    for (const [i, name] of hostile.entries()) {
      const user = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker', displayName: name });
      const base = {
        municipalityId: town.town.id,
        actorId: user.id,
        actorRole: 'social_worker' as const,
        requestId: `formula-${i}`,
        ip: null,
      };
      await auditedTransaction(db, base, manualClock(), async (_tx, audit) =>
        audit.record({ action: 'case.read', entityType: 'Case', entityId: name, purpose: name }),
      );
    }
    const { caller } = await callerFor(db, town.auditor);
    const { csv } = await caller.audit.export({ action: 'case.read' });
    const exported = records(csv);
    expect(exported).toHaveLength(hostile.length);
    for (const cell of exported.flatMap((r) => Object.values(r))) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START);
    // The text is all there, only made inert.
    expect(exported.map((r) => r.actor).sort()).toEqual(hostile.map((h) => `'${h}`).sort());
    expect(exported.map((r) => r.entity_id).sort()).toEqual(hostile.map((h) => `'${h}`).sort());
    expect(exported.map((r) => r.purpose).sort()).toEqual(hostile.map((h) => `'${h}`).sort());
  });

  it('keeps plain cells as they are, and quotes commas, quotes and line breaks', () => {
    const csv = csvOf([
      ['a', 'b'],
      ['محمد, "Mo"', 'line\nbreak'],
      [null, 42],
    ]);
    expect(csv).toBe('\uFEFFa,b\r\n"محمد, ""Mo""","line\nbreak"\r\n,42\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ['a', 'b'],
      ['محمد, "Mo"', 'line\nbreak'],
      ['', '42'],
    ]);
  });

  it('applies the filters of audit.list and shows nothing of another municipality', async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    const admin = (await callerFor(db, town.admin)).caller;
    await admin.agencies.create({ name: 'Filter One', kind: 'school' });
    await admin.agencies.create({ name: 'Filter Two', kind: 'health' });
    await (await callerFor(db, other.admin)).caller.agencies.create({ name: 'Elsewhere', kind: 'school' });
    await expect((await callerFor(db, town.socialWorker)).caller.users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { caller } = await callerFor(db, town.auditor);

    const byFilters = async (filters: Parameters<typeof caller.audit.export>[0]) => {
      // The auditor's own reads of the log are left out: each call adds one.
      const listed = (await caller.audit.list({ ...filters, limit: 200 })).items.filter((e) => !e.action.startsWith('audit.'));
      const exported = records((await caller.audit.export(filters)).csv).filter((r) => !r.action!.startsWith('audit.'));
      expect(
        exported.map((r) => Number(r.seq)),
        JSON.stringify(filters),
      ).toEqual(listed.map((e) => e.seq));
      return exported;
    };
    expect((await byFilters({ action: 'agency.' })).map((r) => r.action)).toEqual(['agency.create', 'agency.create']);
    expect((await byFilters({ outcome: 'denied' })).map((r) => [r.action, r.actor_role])).toEqual([['user.list', 'social_worker']]);
    expect(await byFilters({ actorId: town.admin.id })).toHaveLength(2);
    expect(await byFilters({ entityType: 'Agency', from: new Date('2000-01-01'), to: new Date('2000-01-02') })).toEqual([]);
    const all = await byFilters({});
    expect(all.some((r) => r.detail!.includes('Elsewhere'))).toBe(false);
    expect(all.every((r) => r.actor_email!.endsWith('@test.jisr.local'))).toBe(true);
  });

  it('is audited with the filters used and the number of rows', async () => {
    const town = await makeTown(db);
    await (await callerFor(db, town.admin)).caller.agencies.create({ name: 'Counted', kind: 'school' });
    const { caller } = await callerFor(db, town.auditor);
    const { rows } = await caller.audit.export({ action: 'agency.', outcome: 'allowed' });
    expect(rows).toBe(1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.auditor.id, action: 'audit.export' },
      select: { outcome: true, entityType: true, detail: true },
    });
    expect(event).toEqual({
      outcome: 'allowed',
      entityType: 'AuditEvent',
      detail: { filters: ['action', 'outcome'], rows: 1, truncated: false },
    });
  });
});
