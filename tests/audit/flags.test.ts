import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, owner } = await testDb();

const tag = () => Math.random().toString(36).slice(2, 8);
const flagsOf = (municipalityId: string) =>
  db.auditFlag.findMany({
    where: { municipalityId },
    orderBy: { createdAt: 'asc' },
    select: { kind: true, status: true, subjectUserId: true, actorId: true, detail: true },
  });

describe('changes to accounts that can read case content are flagged for the auditor', () => {
  it('creation, reset and role change of a social worker, coordinator or practitioner; not of an auditor or admin', async () => {
    const { town, admin, agency, auditor } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const make = (role: 'social_worker' | 'coordinator' | 'agency_practitioner' | 'auditor' | 'admin') =>
      caller.users.create({
        email: `${role}.${tag()}@test.jisr.local`,
        displayName: `Flag ${role}`,
        role,
        agencyId: role === 'agency_practitioner' ? agency.id : undefined,
      });
    const sw = (await make('social_worker')).user;
    const co = (await make('coordinator')).user;
    const ap = (await make('agency_practitioner')).user;
    await make('auditor');
    await make('admin');
    await caller.users.resetPassword({ id: co.id });
    await caller.users.resetPassword({ id: auditor.id }); // no flag: an auditor reads no case content
    await caller.users.update({ id: auditor.id, role: 'coordinator' });
    await caller.users.update({ id: sw.id, displayName: 'Renamed, same role' }); // no flag
    await caller.users.update({ id: ap.id, role: 'admin', agencyId: null }); // no flag: admins read no case content

    const open = { kind: 'privileged_account_change', status: 'open', actorId: admin.id };
    expect(await flagsOf(town.id)).toEqual([
      { ...open, subjectUserId: sw.id, detail: { change: 'created', role: 'social_worker' } },
      { ...open, subjectUserId: co.id, detail: { change: 'created', role: 'coordinator' } },
      { ...open, subjectUserId: ap.id, detail: { change: 'created', role: 'agency_practitioner' } },
      { ...open, subjectUserId: co.id, detail: { change: 'password_reset', role: 'coordinator' } },
      { ...open, subjectUserId: auditor.id, detail: { change: 'role_changed', role: 'coordinator', previousRole: 'auditor' } },
    ]);
  });

  it('the flag is written in the transaction of the change: no flag, no change', async () => {
    const { town, admin } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    // As the owner could: make every flag insert fail, then see the creation roll back with it.
    await owner.$executeRawUnsafe(
      `CREATE FUNCTION test_no_flags() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no flags'; END $$`,
    );
    await owner.$executeRawUnsafe('CREATE TRIGGER test_no_flags BEFORE INSERT ON audit_flag FOR EACH ROW EXECUTE FUNCTION test_no_flags()');
    try {
      const email = `rolled.back.${tag()}@test.jisr.local`;
      await expect(caller.users.create({ email, displayName: 'Rolled Back', role: 'coordinator' })).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
      });
      expect(await db.user.count({ where: { email } })).toBe(0);
      expect(await db.auditEvent.count({ where: { municipalityId: town.id, action: 'user.create' } })).toBe(0);
    } finally {
      await owner.$executeRawUnsafe('DROP TRIGGER test_no_flags ON audit_flag');
      await owner.$executeRawUnsafe('DROP FUNCTION test_no_flags()');
    }
  });

  it('the server may write a flag but never delete one', async () => {
    const { town, admin } = await makeTown(db);
    await (await callerFor(db, admin)).caller.users.create({
      email: `kept.${tag()}@test.jisr.local`,
      displayName: 'Kept Flag',
      role: 'social_worker',
    });
    await expect(db.auditFlag.deleteMany({ where: { municipalityId: town.id } })).rejects.toThrow(/permission denied/);
    await expect(db.$executeRawUnsafe('TRUNCATE audit_flag')).rejects.toThrow(/permission denied/);
    expect(await db.auditFlag.count({ where: { municipalityId: town.id } })).toBe(1);
  });
});

describe('audit.flags', () => {
  it('lists the auditor’s municipality’s flags, newest first, page by page, with who and whom; audited', async () => {
    const { town, admin, auditor } = await makeTown(db);
    const other = await makeTown(db);
    const clock = manualClock();
    const { caller } = await callerFor(db, admin, { clock });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (await caller.users.create({ email: `paged.${i}.${tag()}@test.jisr.local`, displayName: `Paged ${i}`, role: 'social_worker' })).user
          .id,
      );
      clock.advance(60_000);
    }
    await (await callerFor(db, other.admin)).caller.users.create({
      email: `elsewhere.${tag()}@test.jisr.local`,
      displayName: 'Elsewhere',
      role: 'coordinator',
    });

    const reader = (await callerFor(db, auditor)).caller;
    const first = await reader.audit.flags({ limit: 2 });
    expect(first.items.map((f) => f.subjectUser?.id)).toEqual([made[2], made[1]]);
    expect(first.items[0]).toMatchObject({
      kind: 'privileged_account_change',
      status: 'open',
      detail: { change: 'created', role: 'social_worker' },
      subjectUser: { displayName: 'Paged 2', role: 'social_worker' },
      actor: { id: admin.id },
    });
    const second = await reader.audit.flags({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((f) => f.subjectUser?.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.id, actorId: auditor.id, action: 'audit.flags' },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.outcome, e.entityType, e.detail])).toEqual([
      ['allowed', 'AuditFlag', { count: 2, page: 'first' }],
      ['allowed', 'AuditFlag', { count: 1, page: 'next' }],
    ]);
  });

  it('is the auditor’s alone, and a crafted cursor is refused as bad input', async () => {
    const { admin, coordinator, auditor } = await makeTown(db);
    for (const user of [admin, coordinator]) {
      await expect((await callerFor(db, user)).caller.audit.flags({}), user.role).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await db.auditEvent.count({ where: { actorId: user.id, action: 'audit.flags', outcome: 'denied' } })).toBe(1);
    }
    const reader = (await callerFor(db, auditor)).caller;
    const crafted = Buffer.from(JSON.stringify({ at: '2026-02-30T00:00:00Z', id: '-'.repeat(36) })).toString('base64url');
    await expect(reader.audit.flags({ cursor: crafted })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
