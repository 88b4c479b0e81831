import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db } = await testDb();
const MINUTE = 60_000;
const config = testConfig({ session: { idleMs: 24 * 60 * MINUTE, absoluteMs: 24 * 60 * MINUTE } });
const WHY = 'Synthetic emergency: the key worker is away and the family is in danger tonight.';

async function setting() {
  const town = await makeTown(db);
  const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
  const c = await makeCase(db, town, { keyWorkerId: keyWorker.id, summary: 'Synthetic summary.' });
  const clock = manualClock();
  const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user, { clock, config })).caller;
  const sw = await as(town.socialWorker);
  const grant = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary', 'notes'], justification: WHY });
  return { town, keyWorker, c, clock, as, sw, grant };
}

describe('ending a break-glass early', () => {
  it('the requester ends it: it reaches nothing from that minute, and the flag and the timeline say when', async () => {
    const { town, keyWorker, c, clock, as, sw, grant } = await setting();
    clock.advance(10 * MINUTE);
    const ended = await sw.cases.endBreakGlass({ id: grant.id });
    expect(ended).toEqual({ id: grant.id, endedAt: clock() });
    expect((await failure(sw.cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
    expect((await failure(sw.cases.notes({ caseId: c.id }))).code).toBe('NOT_FOUND');
    expect(await sw.cases.emergencyAccess()).toEqual([]);
    // Ended, not lengthened: the grant keeps its expiry; a new request is a new grant with its own flag.
    expect(await db.breakGlass.findUniqueOrThrow({ where: { id: grant.id }, select: { endedAt: true, expiresAt: true } })).toEqual({
      endedAt: clock(),
      expiresAt: grant.expiresAt,
    });
    const flag = await db.auditFlag.findFirstOrThrow({
      where: { municipalityId: town.town.id, kind: 'break_glass' },
      select: { id: true },
    });
    expect((await (await as(town.auditor)).audit.flag({ id: flag.id })).breakGlass).toMatchObject({ endedAt: clock(), justification: WHY });
    const entry = (await (await as(keyWorker)).cases.get({ id: c.id })).timeline.find((e) => e.kind === 'break_glass');
    expect(entry?.data).toMatchObject({ endedAt: clock().toISOString(), justification: WHY });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.socialWorker.id, action: 'case.breakGlass.end', outcome: 'allowed' },
      select: { entityType: true, entityId: true },
    });
    expect(event).toEqual({ entityType: 'BreakGlass', entityId: grant.id });
    const again = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary'], justification: WHY });
    expect(again.id).not.toBe(grant.id);
  });

  it('only one’s own live grant: twice, expired, another’s, a crafted id or another role are refused and change nothing', async () => {
    const { town, clock, as, sw, grant } = await setting();
    const other = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const elsewhere = await makeTown(db);
    expect((await failure((await as(other)).cases.endBreakGlass({ id: grant.id }))).code).toBe('NOT_FOUND');
    expect((await failure((await as(elsewhere.socialWorker)).cases.endBreakGlass({ id: grant.id }))).code).toBe('NOT_FOUND');
    for (const user of [town.coordinator, town.auditor, town.admin, town.practitioner])
      expect((await failure((await as(user)).cases.endBreakGlass({ id: grant.id }))).code, user.role).toBe('FORBIDDEN');
    expect((await failure(sw.cases.endBreakGlass({ id: randomUUID() }))).code).toBe('NOT_FOUND');
    expect(await db.breakGlass.findUniqueOrThrow({ where: { id: grant.id }, select: { endedAt: true } })).toEqual({ endedAt: null });
    expect(await auditCount(db, other.id, 'case.breakGlass.end', 'denied')).toBe(1);
    // After its time it is no longer live: nothing to end.
    clock.advance(60 * MINUTE);
    expect((await failure(sw.cases.endBreakGlass({ id: grant.id }))).code).toBe('NOT_FOUND');
    expect(await db.breakGlass.findUniqueOrThrow({ where: { id: grant.id }, select: { endedAt: true } })).toEqual({ endedAt: null });
  });

  it('cannot be ended twice', async () => {
    const { clock, sw, grant } = await setting();
    await sw.cases.endBreakGlass({ id: grant.id });
    const first = clock();
    clock.advance(MINUTE);
    expect((await failure(sw.cases.endBreakGlass({ id: grant.id }))).code).toBe('NOT_FOUND');
    expect(await db.breakGlass.findUniqueOrThrow({ where: { id: grant.id }, select: { endedAt: true } })).toEqual({ endedAt: first });
  });
});
