import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testConfig } from '../helpers/callers.js';
import { auditCount, failure, makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { justificationField } from '../../src/modules/cases/break-glass.js';
import { openStored } from '../helpers/crypto.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { evaluateMunicipality } from '../../src/modules/audit/rules/run.js';

const { db } = await testDb();
const MINUTE = 60_000;
/** Sessions that outlast the grants, so only the grant's own expiry is under test. */
const config = testConfig({ session: { idleMs: 24 * 60 * MINUTE, absoluteMs: 24 * 60 * MINUTE } });
const WHY = 'Synthetic emergency: the key worker is away and the family is in danger tonight.';

/** A case whose key worker is someone else, and a social worker outside it. */
async function setting() {
  const town = await makeTown(db);
  const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
  const c = await makeCase(db, town, { keyWorkerId: keyWorker.id, summary: 'Synthetic summary.' });
  const clock = manualClock();
  const sw = await callerFor(db, town.socialWorker, { clock, config });
  return { town, c, clock, sw: sw.caller };
}

describe('break-glass', () => {
  it('grants the sections asked at once, until the municipality’s duration ends, then NOT_FOUND again', async () => {
    const { town, c, clock, sw } = await setting();
    await db.municipality.update({ where: { id: town.town.id }, data: { breakGlassMinutes: 30 } });
    expect((await failure(sw.cases.get({ id: c.id }))).code).toBe('NOT_FOUND');

    const grant = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary', 'notes'], justification: WHY });
    expect(grant.expiresAt.getTime() - clock().getTime()).toBe(30 * MINUTE);
    const page = await sw.cases.get({ id: c.id });
    expect(page.sections).toEqual(['summary', 'notes', 'timeline']);
    expect(page.summary?.text).toBe('Synthetic summary.');
    expect(page.plan).toBeNull();
    expect(page.emergency).toEqual({ expiresAt: grant.expiresAt, sections: ['summary', 'notes'] });
    expect((await sw.cases.emergencyAccess()).map((g) => g.reference)).toEqual([grant.reference]);
    await sw.cases.addNote({ caseId: c.id, body: 'Synthetic note written under emergency access.' });
    expect((await failure(sw.assessments.list({ caseId: c.id }))).code).toBe('NOT_FOUND');

    clock.advance(30 * MINUTE);
    expect((await failure(sw.cases.get({ id: c.id }))).code).toBe('NOT_FOUND');
    expect((await failure(sw.cases.notes({ caseId: c.id }))).code).toBe('NOT_FOUND');
    expect(await sw.cases.emergencyAccess()).toEqual([]);
    // The reads under the live grant are no "read outside assignment" defect alarm: break-glass has its own flag.
    await evaluateMunicipality(db, town.town.id, { clock });
    const kinds = await db.auditFlag.findMany({ where: { municipalityId: town.town.id }, select: { kind: true } });
    expect(kinds.map((f) => f.kind)).not.toContain('read_outside_assignment');
    expect(kinds.map((f) => f.kind)).toContain('break_glass');
  });

  it('cannot extend itself: a second request while one is live is refused; after it ends, a new one is a new grant', async () => {
    const { town, c, clock, sw } = await setting();
    const first = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary'], justification: WHY });
    clock.advance(50 * MINUTE);
    const again = await failure(sw.cases.breakGlass({ caseId: c.id, sections: ['summary', 'plan'], justification: WHY }));
    expect(again.code).toBe('BREAK_GLASS_LIVE');
    expect(again.fields).toEqual({ caseId: 'BREAK_GLASS_LIVE' });
    const rows = await db.breakGlass.findMany({ where: { caseId: c.id }, select: { expiresAt: true, sections: true } });
    expect(rows).toEqual([{ expiresAt: first.expiresAt, sections: ['summary'] }]);
    clock.advance(10 * MINUTE);
    const second = await sw.cases.breakGlass({ caseId: c.id, sections: ['plan'], justification: WHY });
    expect(second.id).not.toBe(first.id);
    // Each grant has its own flag; the refused request raised none.
    expect(await db.auditFlag.count({ where: { municipalityId: town.town.id, kind: 'break_glass' } })).toBe(2);
  });

  it('needs a written justification (a field error), and keeps it encrypted, bound to its row', async () => {
    const { town, c, sw } = await setting();
    const short = await failure(sw.cases.breakGlass({ caseId: c.id, sections: ['summary'], justification: '  ' }));
    expect(short.code).toBe('BAD_INPUT');
    expect(Object.keys(short.fields ?? {})).toEqual(['justification']);
    const none = await failure(sw.cases.breakGlass({ caseId: c.id, sections: [], justification: WHY }));
    expect(Object.keys(none.fields ?? {})).toEqual(['sections']);
    expect(await db.breakGlass.count({ where: { caseId: c.id } })).toBe(0);

    const grant = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary'], justification: WHY });
    const row = await db.breakGlass.findUniqueOrThrow({ where: { id: grant.id }, select: { justification: true } });
    expect(row.justification).not.toContain('emergency');
    // Under the case's own key, bound to the grant's row.
    expect(row.justification).toMatch(/^k1\./);
    expect(await openStored(db, justificationField(grant.id), row.justification)).toBe(WHY);
    await expect(openStored(db, justificationField(c.id), row.justification)).rejects.toThrow();
    const events = await db.auditEvent.findMany({
      where: { actorId: town.socialWorker.id, action: 'case.breakGlass' },
      select: { detail: true, purpose: true },
    });
    expect(events.length).toBe(1);
    expect(JSON.stringify(events)).not.toContain('family is in danger');
  });

  it('raises the auditor’s flag, writes the timeline entry and tells every coordinator, in the same transaction', async () => {
    const { town, c, clock, sw } = await setting();
    const second = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator' });
    const grant = await sw.cases.breakGlass({ caseId: c.id, sections: ['plan'], justification: WHY });

    const flags = await db.auditFlag.findMany({
      where: { municipalityId: town.town.id },
      select: { kind: true, subjectUserId: true, detail: true },
    });
    expect(flags).toEqual([
      {
        kind: 'break_glass',
        subjectUserId: town.socialWorker.id,
        detail: {
          breakGlassId: grant.id,
          userId: town.socialWorker.id,
          sections: ['plan'],
          expiresAt: grant.expiresAt.toISOString(),
          caseId: c.id,
          reference: c.reference,
        },
      },
    ]);
    const entries = await db.caseEvent.findMany({ where: { caseId: c.id, kind: 'break_glass' }, select: { actorId: true, data: true } });
    expect(entries).toEqual([
      {
        actorId: town.socialWorker.id,
        data: { breakGlassId: grant.id, userId: town.socialWorker.id, sections: ['plan'], expiresAt: grant.expiresAt.toISOString() },
      },
    ]);

    for (const coordinator of [town.coordinator, second]) {
      const { caller } = await callerFor(db, coordinator, { clock, config });
      const work = await caller.work.mine();
      expect(work.now.map((i) => [i.kind, i.case?.reference])).toEqual([['break_glass', c.reference]]);
      const timeline = (await caller.cases.get({ id: c.id })).timeline;
      expect(timeline.find((e) => e.kind === 'break_glass')?.data).toMatchObject({ userId: town.socialWorker.id });
    }
    // The reminder sweep leaves the notice for its reader to dismiss.
    await sweepMunicipality(db, town.town.id, clock);
    expect(await db.reminder.count({ where: { entityId: grant.id, dismissedAt: null } })).toBe(2);
  });

  it('refuses the coordinator clearly, practitioners, auditors and admins by role, and another municipality’s case as not found; all audited', async () => {
    const { town, c, clock } = await setting();
    const other = await makeTown(db);
    const elsewhere = await makeCase(db, other, { keyWorkerId: other.socialWorker.id });
    const ask = (caseId: string) => ({ caseId, sections: ['summary' as const], justification: WHY });

    const coordinator = (await callerFor(db, town.coordinator, { clock, config })).caller;
    const refused = await failure(coordinator.cases.breakGlass(ask(c.id)));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', fields: { caseId: 'BREAK_GLASS_NOT_NEEDED' } });
    expect(await auditCount(db, town.coordinator.id, 'case.breakGlass', 'denied')).toBe(1);

    for (const user of [town.practitioner, town.auditor, town.admin]) {
      const { caller } = await callerFor(db, user, { clock, config });
      expect((await failure(caller.cases.breakGlass(ask(c.id)))).code, user.role).toBe('FORBIDDEN');
      expect((await failure(caller.cases.emergencyAccess())).code, user.role).toBe('FORBIDDEN');
      expect(await auditCount(db, user.id, 'case.breakGlass', 'denied'), user.role).toBe(1);
    }
    const sw = (await callerFor(db, town.socialWorker, { clock, config })).caller;
    expect((await failure(sw.cases.breakGlass(ask(elsewhere.id)))).code).toBe('NOT_FOUND');
    expect(await auditCount(db, town.socialWorker.id, 'case.breakGlass', 'denied')).toBe(1);
    expect(await db.breakGlass.count({ where: { caseId: { in: [c.id, elsewhere.id] } } })).toBe(0);
    expect(await db.auditFlag.count({ where: { municipalityId: { in: [town.town.id, other.town.id] } } })).toBe(0);
  });
});
