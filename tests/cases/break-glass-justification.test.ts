import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testConfig, testKeyring } from '../helpers/callers.js';
import { failure, makeCase, makeDisclosure } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { defineAbilityFor } from '../../src/auth/ability.js';
import { sessionUserSelect } from '../../src/auth/session.js';
import { readableGrants } from '../../src/modules/cases/break-glass-justification.js';
import type { ServiceContext } from '../../src/service.js';

const { db } = await testDb();
const MINUTE = 60_000;
const config = testConfig({ session: { idleMs: 24 * 60 * MINUTE, absoluteMs: 24 * 60 * MINUTE } });
const WHY = 'Synthetic emergency: the key worker is away and the family is in danger tonight.';

/**
 * A case (key worker: a social worker), shared with an agency practitioner and another social worker
 * by live disclosures of every section, a rescuer's break-glass on it with WHY, and another town.
 */
async function setting() {
  const town = await makeTown(db);
  const m = town.town.id;
  const clock = manualClock();
  const keyWorker = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const rescuer = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const teamSw = await makeUser(db, { municipalityId: m, role: 'social_worker' });
  const otherAgency = await makeUser(db, { municipalityId: m, role: 'agency_practitioner', agencyId: (await makeAgency(db, m)).id });
  const c = await makeCase(db, town, { keyWorkerId: keyWorker.id, summary: 'Synthetic summary.' });
  const every = ['summary', 'notes', 'plan', 'assessments'] as const;
  const expiresAt = new Date(clock().getTime() + 30 * 24 * 60 * MINUTE);
  for (const user of [teamSw, otherAgency])
    await makeDisclosure(db, c, { userId: user.id, sections: [...every], createdById: town.coordinator.id, expiresAt });
  const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user, { clock, config })).caller;
  await db.municipality.update({ where: { id: m }, data: { breakGlassMinutes: 45 } });
  const grant = await (await as(rescuer)).cases.breakGlass({ caseId: c.id, sections: ['summary', 'notes'], justification: WHY });
  const flag = await db.auditFlag.findFirstOrThrow({ where: { municipalityId: m, kind: 'break_glass' }, select: { id: true } });
  const elsewhere = await makeTown(db);
  return { town, elsewhere, c, clock, keyWorker, rescuer, teamSw, otherAgency, grant, flag, as };
}

/** The break-glass entry of a reader's case timeline, if they see one. */
const entryOf = (page: { timeline: { kind: string; data: unknown }[] }) =>
  page.timeline.find((e) => e.kind === 'break_glass')?.data as Record<string, unknown> | undefined;

describe('who reads a break-glass justification', () => {
  it('the auditor on the flag: who, when, which case, which sections, how long, and why; audited', async () => {
    const { town, rescuer, grant, flag, as } = await setting();
    const opened = await (await as(town.auditor)).audit.flag({ id: flag.id });
    expect(opened.kind).toBe('break_glass');
    expect(opened.subjectUser?.id).toBe(rescuer.id);
    expect(opened.detail).toMatchObject({ reference: grant.reference, sections: ['summary', 'notes'] });
    expect(opened.breakGlass).toEqual({
      grantedAt: grant.grantedAt,
      expiresAt: grant.expiresAt,
      endedAt: null,
      minutes: 45,
      justification: WHY,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: town.auditor.id, action: 'audit.flag.read' },
      select: { entityId: true, detail: true },
    });
    expect(event).toMatchObject({ entityId: flag.id, detail: { kind: 'break_glass', justification: true } });
    // The justification itself is in no audit event and no flag: only encrypted on the grant.
    const logged = await db.auditEvent.findMany({ where: { municipalityId: town.town.id }, select: { detail: true } });
    expect(JSON.stringify(logged)).not.toContain('Synthetic emergency');
    const flags = await db.auditFlag.findMany({ where: { municipalityId: town.town.id }, select: { detail: true } });
    expect(JSON.stringify(flags)).not.toContain('Synthetic emergency');
  });

  it('the coordinator and the key worker on the case timeline, and the requester while their access lasts', async () => {
    const { town, c, clock, keyWorker, rescuer, grant, as } = await setting();
    for (const user of [town.coordinator, keyWorker, rescuer]) {
      const entry = entryOf(await (await as(user)).cases.get({ id: c.id }));
      expect(entry).toMatchObject({ breakGlassId: grant.id, userId: rescuer.id, sections: ['summary', 'notes'], justification: WHY });
    }
    clock.advance(45 * MINUTE);
    // After it ends the requester no longer reads the case at all; the team still reads why.
    expect((await failure((await as(rescuer)).cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
    expect(entryOf(await (await as(keyWorker)).cases.get({ id: c.id }))?.justification).toBe(WHY);
  });

  it('nobody else: another agency’s practitioner and a social worker on the team, an admin, another municipality', async () => {
    const { town, elsewhere, c, teamSw, otherAgency, flag, as } = await setting();
    // On the case's team by disclosure of every section: the case, but neither the entry nor why.
    for (const user of [teamSw, otherAgency]) {
      const page = await (await as(user)).cases.get({ id: c.id });
      expect(page.summary?.text, user.role).toBe('Synthetic summary.');
      expect(entryOf(page), user.role).toBeUndefined();
      expect(JSON.stringify(page), user.role).not.toContain('Synthetic emergency');
    }
    // The admin reads neither the flag nor the case.
    const admin = await as(town.admin);
    expect((await failure(admin.audit.flag({ id: flag.id }))).code).toBe('FORBIDDEN');
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain((await failure(admin.cases.get({ id: c.id }))).code);
    // Another town's auditor, coordinator and social worker: not found.
    expect((await failure((await as(elsewhere.auditor)).audit.flag({ id: flag.id }))).code).toBe('NOT_FOUND');
    expect((await failure((await as(elsewhere.coordinator)).cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
    expect((await failure((await as(elsewhere.socialWorker)).cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
  });

  it('the rules themselves: readJustification reaches exactly the reviewers, whatever the id asked', async () => {
    const { town, elsewhere, keyWorker, rescuer, teamSw, otherAgency, grant } = await setting();
    const reads = async (user: { id: string }) => {
      const me = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: sessionUserSelect });
      const ctx = { db, user: me, ability: defineAbilityFor(me), keyring: testKeyring } as unknown as ServiceContext;
      return (await readableGrants(ctx, [grant.id, crypto.randomUUID()])).get(grant.id)?.justification ?? null;
    };
    for (const user of [town.auditor, town.coordinator, keyWorker, rescuer]) expect(await reads(user), user.role).toBe(WHY);
    const refused = [town.admin, town.socialWorker, teamSw, otherAgency, town.practitioner, elsewhere.auditor, elsewhere.coordinator];
    for (const user of refused) expect(await reads(user), user.role).toBeNull();
  });
});
