import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { callerFor } from '../helpers/callers.js';
import { failure, makeCase } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, owner } = await testDb();
// A year of the hub's figures is over (and published) by then.
const NOW = new Date('2026-04-10T09:00:00Z');
const as = async (user: { id: string; municipalityId: string }) => (await callerFor(db, user, { clock: manualClock(NOW) })).caller;

/** Two member cities, each with some events on its own chain; the hub's analyst reads the figures and its admin the members. */
async function network() {
  const [A, B] = await Promise.all([makeTown(db), makeTown(db)]);
  const H = await makeHub(db, [
    { id: A.town.id, share: true },
    { id: B.town.id, share: false },
  ]);
  const cityCase = await makeCase(db, A, {});
  await (await as(A.coordinator)).cases.get({ id: cityCase.id });
  await (await as(B.coordinator)).cases.list({});
  await (await as(A.admin)).hub.memberships();
  await (await as(H.analyst)).hub.figures({ year: 2025 }).catch(() => undefined);
  await (await as(H.admin)).hub.members();
  const cityFlag = await db.auditFlag.create({
    data: {
      municipalityId: A.town.id,
      kind: 'repeated_denials',
      dedupeKey: `city:${crypto.randomUUID()}`,
      detail: { count: 11, limit: 10 },
    },
    select: { id: true },
  });
  const hubFlag = await db.auditFlag.create({
    data: { municipalityId: H.hub.id, kind: 'repeated_denials', dedupeKey: `hub:${crypto.randomUUID()}`, detail: { count: 12, limit: 10 } },
    select: { id: true },
  });
  return { A, B, H, cityCase, cityFlag, hubFlag };
}

describe("the hub's auditor reads the hub's own chain, and never a member city's", () => {
  it("lists, exports and verifies the hub's chain: the analyst's figure reads and the admin's member reads are there, no city event is", async () => {
    const { A, H } = await network();
    const auditor = await as(H.auditor);
    const page = await auditor.audit.list({ limit: 200 });
    const onHub = await db.auditEvent.findMany({ where: { chain: H.hub.id }, select: { seq: true, municipalityId: true } });
    // Every event shown is the hub's (its events are numbered on the hub's chain), and the hub's reads are among them.
    expect(onHub.every((e) => e.municipalityId === H.hub.id)).toBe(true);
    expect(page.items.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      onHub
        .map((e) => e.seq)
        .filter((seq) => page.items.some((p) => p.seq === seq))
        .sort((a, b) => a - b),
    );
    const mine = page.items.filter((e) => e.actorId && e.actorId !== H.auditor.id);
    expect(mine.every((e) => [H.admin.id, H.analyst.id].includes(e.actorId!))).toBe(true);
    expect(page.items.some((e) => e.action === 'hub.figures' && e.actorId === H.analyst.id)).toBe(true);
    expect(page.items.some((e) => e.action === 'hub.members.read' && e.actorId === H.admin.id)).toBe(true);
    // Crafted filters naming a city's people or records find nothing.
    expect((await auditor.audit.list({ actorId: A.coordinator.id })).items).toEqual([]);
    expect((await auditor.audit.list({ actorId: A.admin.id })).items).toEqual([]);
    expect((await auditor.audit.list({ action: 'case.' })).items).toEqual([]);

    const exported = await auditor.audit.export({});
    const lines = exported.csv.trim().split('\r\n').slice(1);
    expect(exported.rows).toBe(lines.length);
    expect(exported.csv).toContain('hub.figures');
    expect(exported.csv).not.toContain(A.coordinator.email);
    expect(exported.csv).not.toContain('case.read');

    const verified = await auditor.audit.verify();
    expect(verified.firstBroken).toBeNull();
    expect(verified.checked).toBeGreaterThanOrEqual(onHub.length);
    expect(await auditor.audit.anchors()).toMatchObject({ stopped: expect.any(Boolean) });
  });

  it("reads and reviews the hub's flags only; a city's flag, its records' history and its figures are refused", async () => {
    const { A, H, cityCase, cityFlag, hubFlag } = await network();
    const auditor = await as(H.auditor);
    const ids = (await auditor.audit.flags({})).items;
    expect(ids.map((f) => f.id)).toContain(hubFlag.id);
    expect(ids.map((f) => f.id)).not.toContain(cityFlag.id);
    expect((await failure(auditor.audit.flag({ id: cityFlag.id }))).code).toBe('NOT_FOUND');
    await auditor.audit.reviewFlag({ id: hubFlag.id, status: 'reviewed', note: 'Synthetic review note by the hub auditor.' });
    expect((await failure(auditor.audit.reviewFlag({ id: cityFlag.id, status: 'reviewed', note: 'Synthetic note.' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(await db.auditFlag.findUniqueOrThrow({ where: { id: cityFlag.id }, select: { status: true } })).toEqual({ status: 'open' });
    // One at a time: a call started before the previous is awaited would reject unhandled.
    const refusals: (() => Promise<unknown>)[] = [
      () => auditor.audit.caseHistory({ id: cityCase.id }),
      () => auditor.audit.personHistory({ id: cityCase.person.id }),
      () => auditor.statistics.figures({ year: 2025 }),
      () => auditor.retention.certificates(),
      () => auditor.cases.get({ id: cityCase.id }),
    ];
    for (const refused of refusals) expect((await failure(refused())).code).toBe('FORBIDDEN');
    // Each refusal on the hub's chain, none on the city's.
    const denied = await db.auditEvent.findMany({ where: { actorId: H.auditor.id, outcome: 'denied' }, select: { municipalityId: true } });
    expect(denied.length).toBeGreaterThanOrEqual(7);
    expect(denied.every((e) => e.municipalityId === H.hub.id)).toBe(true);
    expect(await db.auditEvent.count({ where: { municipalityId: A.town.id, actorId: H.auditor.id } })).toBe(0);
  });

  it("a member city's auditor does not see the hub's chain either", async () => {
    const { A, H } = await network();
    const cityAuditor = await as(A.auditor);
    expect((await cityAuditor.audit.list({ actorId: H.analyst.id })).items).toEqual([]);
    expect((await cityAuditor.audit.list({ action: 'hub.figures' })).items).toEqual([]);
    const page = await cityAuditor.audit.list({ limit: 200 });
    expect(page.items.some((e) => e.action === 'case.read' && e.actorId === A.coordinator.id)).toBe(true);
    expect(page.items.every((e) => e.actorId === null || ![H.admin.id, H.analyst.id, H.auditor.id].includes(e.actorId))).toBe(true);
  });

  it("verifies the hub's chain alone: a rewritten hub event is named, a member city's tampering is not the hub's", async () => {
    const { A, H } = await network();
    const rewrite = (chain: string, seq: number) =>
      owner.$transaction(async (tx) => {
        // What someone with the owner's rights could do: change an event with the triggers off.
        await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
        await tx.$executeRaw`UPDATE audit_event SET detail = '{"rewritten": true}'::jsonb WHERE chain = ${chain} AND seq = ${seq}`;
      });
    const auditor = await as(H.auditor);
    const cityAuditor = await as(A.auditor);
    expect((await auditor.audit.verify()).firstBroken).toBeNull();
    await rewrite(A.town.id, 1);
    expect((await auditor.audit.verify()).firstBroken).toBeNull();
    expect((await cityAuditor.audit.verify()).firstBroken).toMatchObject({ seq: 1 });
    await rewrite(H.hub.id, 2);
    expect((await auditor.audit.verify()).firstBroken).toMatchObject({ seq: 2 });
  });
});
