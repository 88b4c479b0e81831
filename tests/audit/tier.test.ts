import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import type { ServiceContext } from '../../src/service.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { ProcedureAudit } from '../../src/audit/event.js';
import { t } from '../../src/trpc/init.js';
import { procedure, publicProcedure } from '../../src/trpc/procedures.js';
import { everyProcedureAudited } from '../../src/trpc/router-check.js';
import { appRouter } from '../../src/trpc/router.js';

/**
 * The procedure tier records every procedure's audit event: a procedure without an action cannot be
 * written (a type error here, a start-up failure for what types cannot see), the reads that used to
 * record nothing now do, and a refusal names the record asked for even before the input is checked.
 * The matrix (tests/matrix) checks the event of every row, allowed or refused.
 */
const { db } = await testDb();
const trail = () => new AuditTrail({ municipalityId: null, actorId: null, actorRole: null, requestId: 'unit', ip: null }, manualClock());

describe('a procedure without its audit event', () => {
  it('is a type error: the builder takes a known action, and a service cannot name its own', () => {
    // @ts-expect-error an action is required
    procedure();
    // @ts-expect-error only actions of src/audit/actions.ts
    procedure('case.peek');
    const service: ServiceContext['audit'] = new ProcedureAudit(trail(), 'case.read');
    // @ts-expect-error a service describes its procedure's event; it does not write one under a name of its own
    expect(service.record).toBeUndefined();
  });

  it('fails the start-up check: a bare procedure, an unlisted public one, an id field the input lacks', () => {
    expect(everyProcedureAudited(appRouter, ['auth.login'])).toBe(appRouter);
    const bare = t.router({ peek: t.procedure.query(() => 'case content') });
    expect(() => everyProcedureAudited(bare, [])).toThrow('peek is not built with procedure(action)');
    const open = t.router({ peek: publicProcedure.query(() => 'case content') });
    expect(() => everyProcedureAudited(open, [])).toThrow('peek is public but not listed as public');
    expect(() => everyProcedureAudited(open, ['peek', 'gone'])).toThrow('gone is listed as public but does not exist');
    const input = z.object({ caseId: z.uuid() });
    const misnamed = t.router({
      read: procedure('case.read', { entity: 'Case', idFrom: 'id' })
        .input(input)
        .query(() => null),
    });
    expect(() => everyProcedureAudited(misnamed, [])).toThrow('read names its Case by input.id, which its input does not have');
    const relabelled = t.router({
      read: procedure('case.read')
        .meta({ action: 'case.list' })
        .query(() => null),
    });
    expect(() => everyProcedureAudited(relabelled, [])).toThrow('read is audited as "case.read" but its meta says "case.list"');
    const fine = t.router({
      read: procedure('case.read', { entity: 'Case', idFrom: 'caseId' })
        .input(input.default({ caseId: '' }))
        .query(() => null),
    });
    expect(everyProcedureAudited(fine, [])).toBe(fine);
  });
});

describe('a service describing its event', () => {
  it('may narrow it only to a narrower action of its own, and not change it once written', async () => {
    const audit = new ProcedureAudit(trail(), 'agency.update', { type: 'Agency' });
    expect(() => audit.narrow('user.disable')).toThrow('agency.update cannot be recorded as user.disable');
    audit.narrow('agency.deactivate');
    // A write that returns no row: nothing is appended, but the event is out of the service's hands.
    await audit.appendWith(db, Prisma.sql`SELECT 1 AS one WHERE false`);
    expect(() => audit.detail({ late: true })).toThrow('agency.deactivate was already written');
  });
});

const eventsOf = (actorId: string, action: string) =>
  db.auditEvent.findMany({
    where: { actorId, action },
    select: { outcome: true, entityType: true, entityId: true, detail: true },
    orderBy: { id: 'asc' },
  });

describe('the reads that recorded nothing', () => {
  it('auth.me and auth.sessions record the account and the sessions read', async () => {
    const { town } = await makeTown(db);
    const user = await makeUser(db, { municipalityId: town.id, role: 'social_worker' });
    const { caller, sessionId } = await callerFor(db, user);
    await caller.auth.me();
    expect(await eventsOf(user.id, 'auth.me')).toEqual([{ outcome: 'allowed', entityType: 'User', entityId: user.id, detail: null }]);
    await caller.auth.sessions();
    expect(await eventsOf(user.id, 'auth.sessions')).toEqual([
      { outcome: 'allowed', entityType: 'Session', entityId: null, detail: { count: 1, sessionIds: [sessionId] } },
    ]);
  });

  it('agencies.list and work.settings record what the admin read', async () => {
    const { town, admin } = await makeTown(db);
    const { caller } = await callerFor(db, admin);
    const agencies = await caller.agencies.list({ includeInactive: false });
    expect(await eventsOf(admin.id, 'agency.list')).toEqual([
      { outcome: 'allowed', entityType: 'Agency', entityId: null, detail: { count: agencies.length, includeInactive: false } },
    ]);
    await caller.work.settings();
    expect(await eventsOf(admin.id, 'settings.read')).toEqual([
      { outcome: 'allowed', entityType: 'Municipality', entityId: town.id, detail: null },
    ]);
  });
});

describe('a refusal decided before anything was read', () => {
  it('still names the record the input asked for, and only an id-shaped one', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    const newcomer = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator', mustChangePassword: true });
    const { caller } = await callerFor(db, newcomer);
    // Refused by the tier itself, before the input is even validated.
    await expect(caller.cases.get({ id: c.id })).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });
    await expect(caller.cases.get({ id: 'not an id' })).rejects.toMatchObject({ message: 'PASSWORD_CHANGE_REQUIRED' });
    expect(await eventsOf(newcomer.id, 'case.read')).toEqual([
      { outcome: 'denied', entityType: 'Case', entityId: c.id, detail: { code: 'PASSWORD_CHANGE_REQUIRED' } },
      { outcome: 'denied', entityType: 'Case', entityId: null, detail: { code: 'PASSWORD_CHANGE_REQUIRED' } },
    ]);
  });
});
