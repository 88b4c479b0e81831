import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, type Town } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { AuditTrail, type AuditEntry } from '../../src/audit/writer.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { newSigningKey, signerFrom } from '../../src/audit/signing.js';
import { evaluateMunicipality } from '../../src/modules/audit/rules/run.js';
import { flagRulesJob } from '../../src/jobs/flag-rules.js';

const { db } = await testDb();

// The test towns are in Jordan (Asia/Amman, UTC+3; weekend Friday–Saturday; hours 08:00–17:00 by default).
const THURSDAY_NOON = new Date('2026-01-15T09:00:00Z');
const THURSDAY_NIGHT = new Date('2026-01-15T20:30:00Z'); // 23:30 in Amman

/** Writes events as the procedure tier would, by `user`, at the clock's time. */
async function write(user: { id: string; municipalityId: string; role: Role }, at: Date, entries: AuditEntry[]) {
  const trail = new AuditTrail(
    { municipalityId: user.municipalityId, actorId: user.id, actorRole: user.role, requestId: 'test', ip: null },
    () => at,
  );
  for (const e of entries) trail.record(e);
  await trail.flush(db);
}

const run = (municipalityId: string, at = new Date('2026-01-16T12:00:00Z')) =>
  evaluateMunicipality(db, municipalityId, { clock: () => at });

async function flagsOf(municipalityId: string) {
  const flags = await db.auditFlag.findMany({
    where: { municipalityId, kind: { not: 'privileged_account_change' } },
    select: { id: true, kind: true, subjectUserId: true, detail: true, events: { select: { seq: true }, orderBy: { seq: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  });
  return flags.map((f) => ({ ...f, seqs: f.events.map((e) => e.seq) }));
}

const lastSeqs = async (municipalityId: string, n: number) =>
  (await db.auditEvent.findMany({ where: { municipalityId }, orderBy: { seq: 'desc' }, take: n, select: { seq: true } }))
    .map((e) => e.seq)
    .reverse();

async function disclosedTown(): Promise<{ town: Town; kase: Awaited<ReturnType<typeof makeCase>> }> {
  const town = await makeTown(db);
  const kase = await makeCase(db, town);
  await makeDisclosure(db, kase, { agencyId: town.agency.id, createdById: town.coordinator.id });
  return { town, kase };
}

describe('the flag rules over the audit stream', () => {
  it('a normal stream raises nothing: the practitioner and the key worker read a disclosed case in working hours', async () => {
    const { town, kase } = await disclosedTown();
    const clock = manualClock(THURSDAY_NOON);
    await (await callerFor(db, town.practitioner, { clock })).caller.cases.get({ id: kase.id });
    await (await callerFor(db, town.socialWorker, { clock })).caller.cases.get({ id: kase.id });
    await (await callerFor(db, town.coordinator, { clock })).caller.cases.list({});
    expect((await run(town.town.id)).raised).toBe(0);
    expect(await flagsOf(town.town.id)).toEqual([]);
  });

  it('reads at night: one flag per account and local day, with every such event', async () => {
    const { town, kase } = await disclosedTown();
    const co = { ...town.coordinator, role: 'coordinator' as const };
    await write(co, THURSDAY_NIGHT, [{ action: 'case.read', entityType: 'Case', entityId: kase.id }]);
    await write(co, new Date(THURSDAY_NIGHT.getTime() + 60_000), [{ action: 'case.read', entityType: 'Case', entityId: kase.id }]);
    const seqs = await lastSeqs(town.town.id, 2);
    // A sign-in at night touches no record: not flagged.
    await write(co, THURSDAY_NIGHT, [{ action: 'auth.me' }]);
    expect((await run(town.town.id)).raised).toBe(1);
    expect(await flagsOf(town.town.id)).toMatchObject([
      { kind: 'off_hours_read', subjectUserId: co.id, detail: { day: '2026-01-15', timeZone: 'Asia/Amman' }, seqs },
    ]);
  });

  it('reads on the weekend (Friday in Jordan) are flagged', async () => {
    const { town, kase } = await disclosedTown();
    await write({ ...town.coordinator, role: 'coordinator' }, new Date('2026-01-16T09:00:00Z'), [
      { action: 'case.read', entityType: 'Case', entityId: kase.id },
    ]);
    await run(town.town.id);
    expect((await flagsOf(town.town.id)).map((f) => [f.kind, f.detail])).toEqual([
      ['off_hours_read', { day: '2026-01-16', timeZone: 'Asia/Amman' }],
    ]);
  });

  it('bulk reads: more list rows than the limit within the window, counted across turns of the job', async () => {
    const town = await makeTown(db);
    const co = { ...town.coordinator, role: 'coordinator' as const };
    const page = () => ({ action: 'case.list' as const, detail: { touched: { Case: Array.from({ length: 60 }, () => randomUUID()) } } });
    await write(co, THURSDAY_NOON, [page(), page()]);
    await write(co, new Date(THURSDAY_NOON.getTime() + 60_000), [page()]);
    expect((await run(town.town.id)).raised).toBe(0); // 180 rows: within the default 200
    await write(co, new Date(THURSDAY_NOON.getTime() + 120_000), [page()]);
    const seqs = await lastSeqs(town.town.id, 4);
    expect((await run(town.town.id)).raised).toBe(1);
    expect(await flagsOf(town.town.id)).toMatchObject([
      { kind: 'bulk_read', subjectUserId: co.id, detail: { minutes: 10, count: 240, limit: 200 }, seqs },
    ]);
  });

  it('many refusals of one account within the window', async () => {
    const town = await makeTown(db);
    const sw = { ...town.socialWorker, role: 'social_worker' as const };
    const refused = () => ({ action: 'case.read' as const, entityType: 'Case', entityId: randomUUID(), outcome: 'denied' as const });
    await write(sw, THURSDAY_NOON, Array.from({ length: 10 }, refused));
    expect((await run(town.town.id)).raised).toBe(0);
    await write(sw, THURSDAY_NOON, [refused()]);
    expect((await run(town.town.id)).raised).toBe(1);
    expect(await flagsOf(town.town.id)).toMatchObject([
      { kind: 'repeated_denials', subjectUserId: sw.id, detail: { count: 11, limit: 10 } },
    ]);
    expect((await flagsOf(town.town.id))[0]!.seqs).toHaveLength(11);
  });

  it('a case read by a practitioner with no live disclosure is a defect alarm', async () => {
    const town = await makeTown(db);
    const kase = await makeCase(db, town);
    await makeDisclosure(db, kase, { agencyId: town.agency.id, createdById: town.coordinator.id, revokedAt: THURSDAY_NOON });
    await write({ ...town.practitioner, role: 'agency_practitioner' }, new Date(THURSDAY_NOON.getTime() + 60_000), [
      { action: 'case.read', entityType: 'Case', entityId: kase.id },
    ]);
    const [seq] = await lastSeqs(town.town.id, 1);
    expect((await run(town.town.id)).raised).toBe(1);
    expect(await flagsOf(town.town.id)).toMatchObject([
      { kind: 'read_outside_assignment', subjectUserId: town.practitioner.id, detail: { caseId: kase.id }, seqs: [seq] },
    ]);
  });

  it('a stopped checkpoint is flagged once, about no account', async () => {
    const town = await makeTown(db);
    await write({ ...town.coordinator, role: 'coordinator' }, THURSDAY_NOON, [{ action: 'auth.me' }]);
    const anchoring = { signer: signerFrom(newSigningKey()), dir: await mkdtemp(join(tmpdir(), 'jisr-flag-rules-')), everyMs: 5 * 60_000 };
    const later = () => new Date(THURSDAY_NOON.getTime() + 3_600_000);
    expect((await evaluateMunicipality(db, town.town.id, { clock: () => THURSDAY_NOON, anchoring })).raised).toBe(0); // not late yet
    expect((await evaluateMunicipality(db, town.town.id, { clock: later, anchoring })).raised).toBe(1);
    expect((await evaluateMunicipality(db, town.town.id, { clock: later, anchoring })).raised).toBe(0);
    const [first] = (
      await db.auditEvent.findMany({ where: { municipalityId: town.town.id }, orderBy: { seq: 'asc' }, take: 1, select: { seq: true } })
    ).map((e) => e.seq);
    expect(await flagsOf(town.town.id)).toMatchObject([{ kind: 'checkpoint_stopped', subjectUserId: null, seqs: [first] }]);
  });

  it('the job run twice raises nothing new, and another municipality’s events never raise its flags', async () => {
    const here = await makeTown(db);
    const there = await makeTown(db);
    const refused = () => ({ action: 'case.read' as const, entityType: 'Case', entityId: randomUUID(), outcome: 'denied' as const });
    await write({ ...there.socialWorker, role: 'social_worker' }, THURSDAY_NOON, Array.from({ length: 12 }, refused));
    const job = flagRulesJob(db, { clock: () => THURSDAY_NOON });
    expect((await job.run()).raised).toBeGreaterThanOrEqual(1);
    expect((await job.run()).raised).toBe(0);
    expect(await flagsOf(here.town.id)).toEqual([]);
    expect((await flagsOf(there.town.id)).map((f) => f.kind)).toEqual(['repeated_denials']);
    // The rule's own record of raising them is in the chain, and raises nothing.
    expect(await db.auditEvent.count({ where: { municipalityId: there.town.id, action: 'audit.flag.raise' } })).toBe(1);
  });
});
